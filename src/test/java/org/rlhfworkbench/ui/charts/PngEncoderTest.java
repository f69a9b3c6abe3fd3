package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
    static final int W = 7;
    static final int H = 5;

    static int[] pixels() {
        int[] argb = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                argb[y * W + x] = (x == y ? 0x80 : 0xFF) << 24 | (x * 36) << 16 | (y * 60) << 8 | (x + y) * 20;
            }
        }
        return argb;
    }

    @Test
    void startsWithTheSignatureAndAnRgbaIhdrOfTheImageSize() {
        byte[] png = PngEncoder.encode(W, H, pixels());
        ByteBuffer b = ByteBuffer.wrap(png);

        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        assertThat(b.getInt(8)).isEqualTo(13);
        assertThat(new String(png, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
        assertThat(b.getInt(16)).isEqualTo(W);
        assertThat(b.getInt(20)).isEqualTo(H);
        assertThat(png[24]).isEqualTo((byte) 8);   // bit depth
        assertThat(png[25]).isEqualTo((byte) 6);   // colour type RGBA
        assertThat(new String(png, png.length - 8, 4, StandardCharsets.US_ASCII)).isEqualTo("IEND");
    }

    @Test
    void everyChunkCarriesAValidCrc() {
        byte[] png = PngEncoder.encode(W, H, pixels());
        ByteBuffer b = ByteBuffer.wrap(png);
        int at = 8;
        int chunks = 0;
        while (at < png.length) {
            int len = b.getInt(at);
            CRC32 crc = new CRC32();
            crc.update(png, at + 4, 4 + len);
            assertThat(b.getInt(at + 8 + len)).isEqualTo((int) crc.getValue());
            at += 12 + len;
            chunks++;
        }
        assertThat(at).isEqualTo(png.length);
        assertThat(chunks).isEqualTo(3);
    }

    @Test
    void aStandardDecoderReadsBackTheSamePixels() throws Exception {
        int[] argb = pixels();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(W, H, argb)));

        assertThat(img.getWidth()).isEqualTo(W);
        assertThat(img.getHeight()).isEqualTo(H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(img.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(argb[y * W + x]);
            }
        }
    }

    @Test
    void aPixelCountThatDoesNotMatchTheSizeIsRefused() {
        assertThatThrownBy(() -> PngEncoder.encode(3, 3, new int[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
