package org.rlhfworkbench.ui.charts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG writer (8-bit RGBA, no interlace; each row with the "Up" filter, which suits
 * charts' flat areas), so that images need no javafx-swing or AWT. Pixels are ARGB ints as
 * JavaFX's PixelReader gives them.
 */
public final class PngEncoder {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int FILTER_UP = 2;

    private PngEncoder() {
    }

    public static byte[] encode(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("need " + width + " x " + height + " pixels, got " + argb.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", deflate(filtered(width, height, argb)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Rows of RGBA bytes, each led by its filter type; row r holds its difference to row r - 1. */
    private static byte[] filtered(int width, int height, int[] argb) {
        int stride = width * 4;
        byte[] raw = new byte[height * (stride + 1)];
        byte[] prev = new byte[stride];
        byte[] row = new byte[stride];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = argb[y * width + x];
                row[x * 4] = (byte) (p >>> 16);
                row[x * 4 + 1] = (byte) (p >>> 8);
                row[x * 4 + 2] = (byte) p;
                row[x * 4 + 3] = (byte) (p >>> 24);
            }
            int at = y * (stride + 1);
            raw[at] = FILTER_UP;
            for (int i = 0; i < stride; i++) {
                raw[at + 1 + i] = (byte) (row[i] - prev[i]);
            }
            byte[] t = prev;
            prev = row;
            row = t;
        }
        return raw;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buf = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
