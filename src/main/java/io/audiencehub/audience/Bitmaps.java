package io.audiencehub.audience;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.roaringbitmap.RoaringBitmap;

/** RoaringBitmaps as the database stores them: the library's portable format. */
final class Bitmaps {

    private Bitmaps() {
    }

    static byte[] serialize(RoaringBitmap bitmap) {
        ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
        bitmap.serialize(buffer);
        return buffer.array();
    }

    static RoaringBitmap deserialize(byte[] bytes) {
        RoaringBitmap bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("a stored audience bitmap cannot be read", e);
        }
        return bitmap;
    }
}
