package org.tsperf.api.tasks;

/**
 * @param type    the queue
 * @param waiting queued, deferred or waiting for dependencies
 * @param running running now
 * @param workers worker threads of this queue
 */
public record QueueInfo(TaskType type, int waiting, int running, int workers) {
}
