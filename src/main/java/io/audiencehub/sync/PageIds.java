package io.audiencehub.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The ids of a page, added and removed, as {@code sync_page_ids} keeps them: parts of at most
 * {@value #IDS_PER_PART} ids, each a list of (added or removed, id as modified UTF-8). At the longest ids the
 * hub takes (256 characters), a part stays far below the server's 16 MiB packet limit. Not compressed: a page is
 * answered once its ids are stored, and deflating a page of random ids took 4 times as long as writing them,
 * for a quarter fewer bytes.
 */
record PageIds(List<String> added, List<String> removed) {

    static final int IDS_PER_PART = 10_000;
    static final PageIds NONE = new PageIds(List.of(), List.of());

    int size() {
        return added.size() + removed.size();
    }

    /**
     * The ids at the positions set in {@code changing}, where this page's first id (its first add) is at
     * {@code from}.
     */
    PageIds at(BitSet changing, int from) {
        return new PageIds(select(added, changing, from), select(removed, changing, from + added.size()));
    }

    private static List<String> select(List<String> ids, BitSet positions, int from) {
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (positions.get(from + i)) {
                selected.add(ids.get(i));
            }
        }
        return selected;
    }

    List<byte[]> encode() {
        List<byte[]> parts = new ArrayList<>();
        for (int from = 0; from < size(); from += IDS_PER_PART) {
            parts.add(encodePart(from, Math.min(size(), from + IDS_PER_PART)));
        }
        return parts;
    }

    static PageIds decode(List<byte[]> parts) {
        PageIds ids = new PageIds(new ArrayList<>(), new ArrayList<>());
        parts.forEach(ids::decodePart);
        return ids;
    }

    private void decodePart(byte[] part) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(part))) {
            while (true) {
                boolean isAdded = in.readBoolean();
                (isAdded ? added : removed).add(in.readUTF());
            }
        } catch (EOFException end) {
            // every entry read
        } catch (IOException e) {
            throw new UncheckedIOException("a stored part of a page's ids cannot be read", e);
        }
    }

    private byte[] encodePart(int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((to - from) * 24);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (int i = from; i < to; i++) {
                boolean isAdded = i < added.size();
                out.writeBoolean(isAdded);
                out.writeUTF(isAdded ? added.get(i) : removed.get(i - added.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }
}
