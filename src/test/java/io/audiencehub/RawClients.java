package io.audiencehub;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Sockets for playing hostile or far-away clients: slow senders, and clients at another loopback
 * address (127.0.0.2 and up), which the product sees as another client address.
 */
public final class RawClients {

    private RawClients() {
    }

    /** A connection to the product from {@code address}, reads giving up after 15 s. */
    public static Socket connectFrom(String address, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(address, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(15_000);
        return socket;
    }

    /** The first line of the answer, e.g. {@code HTTP/1.1 503 }. */
    public static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int read = in.read(); read >= 0 && read != '\n'; read = in.read()) {
            line.append((char) read);
        }
        return line.toString();
    }
}
