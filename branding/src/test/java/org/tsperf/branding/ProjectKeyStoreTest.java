package org.tsperf.branding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netbeans.spi.autoupdate.KeyStoreProvider;
import org.openide.util.Lookup;

class ProjectKeyStoreTest {

    @Test
    void theProviderIsFoundInLookupAndTrustsTheKeyThatSignsTheNbms() throws Exception {
        KeyStoreProvider provider = Lookup.getDefault().lookupAll(KeyStoreProvider.class).stream()
                .filter(ProjectKeyStore.class::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("ProjectKeyStore is not registered"));
        assertEquals(KeyStoreProvider.TrustLevel.TRUST, provider.getTrustLevel());
        KeyStore ks = provider.getKeyStore();
        assertNotNull(ks);
        assertSame(ks, provider.getKeyStore(), "loaded once");
        assertEquals(List.of(ProjectKeyStore.ALIAS), Collections.list(ks.aliases()));
        assertTrue(ks.isCertificateEntry(ProjectKeyStore.ALIAS), "a certificate, no key");

        KeyStore signing = KeyStore.getInstance("PKCS12");
        char[] password = System.getProperty("tsperf.keystore.password").toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("tsperf.keystore")))) {
            signing.load(in, password);
        }
        assertEquals(signing.getCertificate(System.getProperty("tsperf.keystore.alias")),
                ks.getCertificate(ProjectKeyStore.ALIAS), "the certificate of the key the build signs with");
        assertTrue(ProjectKeyStore.certificate().getSubjectX500Principal().getName()
                .contains("CN=Timeline Studio Performance build key"));
    }

    @Test
    void theModuleCarriesOnlyThePublicCertificate() throws Exception {
        try (InputStream in = ProjectKeyStore.class.getResourceAsStream(ProjectKeyStore.CERTIFICATE)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----"), pem);
            assertFalse(pem.contains("PRIVATE KEY"), pem);
        }
    }
}
