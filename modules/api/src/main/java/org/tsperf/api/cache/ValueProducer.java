package org.tsperf.api.cache;

/** Produces the value of a key that is not cached (decodes a frame, renders a thumbnail...). */
@FunctionalInterface
public interface ValueProducer {

    byte[] produce(CacheKey key) throws Exception;
}
