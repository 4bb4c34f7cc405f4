package org.tsperf.branding;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;

/**
 * Where the project's update center lives: the {@code tsperf.updates.url} system property (the {@code tsperf}
 * launcher sets it to {@code nbm-repo/netbeans_site/updates.xml} of the checkout), else the same catalog
 * found from the built application ({@code application/target/tsperf/platform/../../../..}).
 */
public final class UpdateCenter {

    static final String PROPERTY = "tsperf.updates.url";

    private UpdateCenter() {
    }

    /** Called by the layer for the update provider's {@code url} attribute. */
    public static String catalogUrl() throws MalformedURLException {
        return resolve(System.getProperty(PROPERTY), System.getProperty("netbeans.home"));
    }

    static String resolve(String configured, String netbeansHome) throws MalformedURLException {
        if (configured != null && !configured.isBlank()) {
            return new URL(configured).toExternalForm();
        }
        if (netbeansHome == null) {
            throw new MalformedURLException("neither " + PROPERTY + " nor netbeans.home is set");
        }
        File checkout = new File(netbeansHome).getAbsoluteFile().getParentFile().getParentFile().getParentFile()
                .getParentFile();
        return new File(checkout, "nbm-repo/netbeans_site/updates.xml").toURI().toURL().toExternalForm();
    }
}
