package org.tsperf.memory;

/**
 * Buffer sizes of the pools: four classes per power of two from 64 KiB to 256 MiB (each at most 19 % above the
 * previous), rounded up to 4 KiB. A 1080p RGBA frame (8,294,400 bytes) gets 8,388,608; a 4K one (33,177,600)
 * 33,554,432.
 */
final class SizeClasses {

    static final int SMALLEST = 64 << 10;
    static final int LARGEST = 256 << 20;
    private static final int[] SIZES = sizes();

    private SizeClasses() {
    }

    private static int[] sizes() {
        java.util.List<Integer> list = new java.util.ArrayList<>();
        for (long base = SMALLEST; base <= LARGEST; base <<= 1) {
            for (int q = 0; q < 4; q++) {
                long s = Math.round(base * Math.pow(2, q / 4.0));
                s = (s + 4095) / 4096 * 4096;
                if (s <= LARGEST && (list.isEmpty() || s > list.get(list.size() - 1))) {
                    list.add((int) s);
                }
            }
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The class index for a request, or -1 when larger than the largest class. */
    static int classOf(long bytes) {
        for (int i = 0; i < SIZES.length; i++) {
            if (SIZES[i] >= bytes) {
                return i;
            }
        }
        return -1;
    }

    static int size(int index) {
        return SIZES[index];
    }

    static int count() {
        return SIZES.length;
    }
}
