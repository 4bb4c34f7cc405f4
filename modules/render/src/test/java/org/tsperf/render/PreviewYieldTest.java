package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;

/** Background preview rendering gives way: to playback's "user is busy" hold, and to an edit that drops its chunks. */
class PreviewYieldTest {

    @TempDir
    static Path dir;
    static Path clip;
    static PreviewRenderService previews;
    static TaskService tasks;

    @BeforeAll
    static void setUp() throws Exception {
        PreviewFixtures.freshCache();
        PreviewSettings.preferences().putLong(PreviewSettings.IDLE_KEY, 400);
        previews = Lookup.getDefault().lookup(PreviewRenderService.class);
        tasks = Lookup.getDefault().lookup(TaskService.class);
        clip = TestMedia.clip(dir, "long.mp4", "testsrc2=size=320x240:rate=25", 12, 0);
    }

    @AfterEach
    void untrack() {
        previews.track(null);
    }

    private static List<TaskInfo> previewTasks() {
        return tasks.tasks().stream().filter(t -> t.spec().kind().equals(PreviewTaskHandler.KIND)).toList();
    }

    @Test
    void nothingStartsWhilePlaybackHoldsTheUserBusy() throws Exception {
        Project p = new Project("held", 320, 240, PreviewFixtures.RATE, 48000, List.of(new Track("V1",
                TrackKind.VIDEO, List.of(new Clip("a", clip, 0, 50, 0, List.of(new Effect.ColourAdjust(-0.1, 1, 1,
                        1)))), List.of())));
        CompletableFuture<Void> started = new CompletableFuture<>();
        java.util.function.Consumer<List<PreviewRenderService.ChunkState>> watch = s -> {
            if (s.stream().anyMatch(c -> c.state() != PreviewState.DIRTY)) {
                started.complete(null);
            }
        };
        previews.addListener(watch);
        try (TaskService.Hold playing = tasks.userBusy("the Viewer plays")) {
            previews.track(p);
            try {
                started.get(2500, TimeUnit.MILLISECONDS); // six idle delays
                throw new AssertionError("a chunk was rendered while playback held the user busy: "
                        + previews.states());
            } catch (TimeoutException expected) {
                // held back
            }
            assertTrue(previewTasks().stream().anyMatch(t -> t.state() == TaskState.QUEUED
                    || t.state() == TaskState.DEFERRED), "the task waits in the queue: " + previewTasks());
        } finally {
            previews.removeListener(watch);
        }
        PreviewFixtures.awaitStates(previews, "rendered once playback stopped", Duration.ofMinutes(2),
                s -> PreviewFixtures.all(s, PreviewState.RENDERED));
    }

    @Test
    void anEditThatDropsEveryChunkOfARunningTaskCancelsIt() throws Exception {
        Project p = PreviewRenderChild.project(clip); // 12 chunks
        previews.track(p);
        PreviewFixtures.awaitStates(previews, "rendering started", Duration.ofMinutes(1),
                s -> s.stream().anyMatch(c -> c.state() == PreviewState.RENDERING));
        TaskInfo running = previewTasks().stream().filter(t -> t.state() == TaskState.RUNNING).findFirst()
                .orElseThrow(() -> new AssertionError("no running preview task: " + previewTasks()));
        previews.track(null); // the project closed: none of its chunks is wanted
        TaskInfo ended = tasks.completion(running.spec().id()).get(1, TimeUnit.MINUTES);
        assertEquals(TaskState.CANCELLED, ended.state(), "ended: " + ended);
        long stored = PreviewQueue.chunks(p).stream().filter(c -> previews.rendered(c).map(r -> {
            r.close();
            return true;
        }).orElse(false)).count();
        assertTrue(stored < 12, "cancelled before the end: " + stored + " of 12 chunks stored");
    }
}
