package org.tsperf.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.ProjectFileException;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.TimelineService;

/**
 * The timeline module's service: project files, documents with undo, preview chunks. It holds only the caches of
 * content keys and probe answers (no threads, no open files), so nothing needs closing when the module goes.
 */
@ServiceProvider(service = TimelineService.class)
public final class DefaultTimelineService implements TimelineService {

    private final ChunkPlanner planner = new ChunkPlanner(new ContentKeys(), new HeavySources());

    @Override
    public Project read(Path file) throws ProjectFileException {
        return ProjectReader.read(file);
    }

    @Override
    public void write(Project project, Path file) throws IOException {
        ProjectRules.check(project);
        AtomicFiles.write(file, ProjectWriter.toBytes(project));
    }

    @Override
    public TimelineDocument open(Path file) throws ProjectFileException {
        return new Document(read(file), file);
    }

    @Override
    public TimelineDocument create(Project project) {
        ProjectRules.check(project);
        return new Document(project, null);
    }

    @Override
    public List<PreviewChunk> chunks(Project project, int previewWidth, int previewHeight, int chunkFrames,
            String rendererVersion) throws IOException {
        return planner.chunks(project, previewWidth, previewHeight, chunkFrames, rendererVersion);
    }
}
