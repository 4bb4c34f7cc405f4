package org.tsperf.branding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.net.MalformedURLException;
import org.junit.jupiter.api.Test;

class UpdateCenterTest {

    @Test
    void theLauncherPropertyWins() throws Exception {
        assertEquals("file:/opt/tsperf/nbm-repo/netbeans_site/updates.xml",
                UpdateCenter.resolve("file:/opt/tsperf/nbm-repo/netbeans_site/updates.xml", "/elsewhere/platform"));
    }

    @Test
    void withoutItTheCatalogIsFoundFromTheBuiltApplication() throws Exception {
        String home = new File("/work/checkout/application/target/tsperf/platform").getPath();
        assertEquals(new File("/work/checkout/nbm-repo/netbeans_site/updates.xml").toURI().toURL().toExternalForm(),
                UpdateCenter.resolve(null, home));
    }

    @Test
    void aBrokenUrlIsRefusedWithItsText() {
        MalformedURLException e = assertThrows(MalformedURLException.class, () -> UpdateCenter.resolve("nbm-repo", null));
        assertEquals("no protocol: nbm-repo", e.getMessage());
    }
}
