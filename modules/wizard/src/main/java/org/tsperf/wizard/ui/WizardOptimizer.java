package org.tsperf.wizard.ui;

import java.util.concurrent.CompletableFuture;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.optimize.Optimizer;

/** The monitor's Optimize Now: opens the wizard; completes with its summary when it closes. */
@ServiceProvider(service = Optimizer.class)
public final class WizardOptimizer implements Optimizer {

    @Override
    public CompletableFuture<String> optimizeNow() {
        return OptimizationWizard.open();
    }
}
