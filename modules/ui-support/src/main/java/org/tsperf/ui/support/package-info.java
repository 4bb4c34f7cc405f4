/**
 * What the product's windows and Options tabs share. Tools &gt; Options &gt; Performance is registered here
 * ({@link org.tsperf.ui.support.PerformanceOptionsContainer}): one category whose tabs
 * ({@link org.tsperf.ui.support.OptionsTabController} subclasses, registered with
 * {@code @OptionsPanelController.SubRegistration(location = "Performance")}) come from the feature modules, so a
 * module's tab comes and goes with the module.
 */
package org.tsperf.ui.support;
