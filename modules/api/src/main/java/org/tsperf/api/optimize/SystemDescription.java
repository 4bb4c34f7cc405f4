package org.tsperf.api.optimize;

import java.util.Objects;
import java.util.Set;

/**
 * Everything the recommendations rest on: the machine, the workload and which feature modules are installed
 * (by display name, e.g. "Proxy Manager").
 */
public record SystemDescription(HardwareDescription hardware, WorkloadDescription workload,
        Set<String> installedModules) {

    public SystemDescription {
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(workload, "workload");
        installedModules = Set.copyOf(installedModules);
    }
}
