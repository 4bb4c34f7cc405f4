package org.tsperf.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.PixelFormat;

/** Writes an RGBA frame as a PNG, turned clockwise by the stream's rotation, atomically (temp file + rename). */
final class UprightPng {

    private UprightPng() {
    }

    /** @return the written image's width and height */
    static int[] write(Frame rgba, int rotation, Path target) throws IOException {
        if (rgba.format() != PixelFormat.RGBA8) {
            throw new IllegalArgumentException("a PNG is written from RGBA8, not " + rgba.format());
        }
        int w = rgba.width();
        int h = rgba.height();
        boolean sideways = rotation % 180 != 0;
        BufferedImage image = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 4;
                int rgb = (rgba.data().get(i) & 0xff) << 16 | (rgba.data().get(i + 1) & 0xff) << 8
                        | (rgba.data().get(i + 2) & 0xff);
                switch (rotation) {
                    case 90 -> image.setRGB(h - 1 - y, x, rgb);
                    case 180 -> image.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 270 -> image.setRGB(y, w - 1 - x, rgb);
                    default -> image.setRGB(x, y, rgb);
                }
            }
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // in the target's folder, so the rename is atomic: a reader never sees half a PNG
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new int[] {image.getWidth(), image.getHeight()};
    }
}
