package org.tsperf.branding;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.spi.autoupdate.KeyStoreProvider;
import org.openide.util.lookup.ServiceProvider;

/**
 * The platform's trust in the project's signing key: a key store with the public certificate of the key that signs
 * the NBMs, which the build exports into this module ({@code build-tools/nbm-signing-cert.sh}; never the private
 * key). The autoupdate services then verify an NBM signed with that key as trusted ({@code TrustLevel.TRUST}) in
 * Tools &gt; Plugins and through the autoupdate API, whatever its catalog; one whose signed content changed is
 * marked modified and refused.
 */
@ServiceProvider(service = KeyStoreProvider.class)
public final class ProjectKeyStore implements KeyStoreProvider {

    static final String CERTIFICATE = "nbm-signing.cer";
    static final String ALIAS = "tsperf-nbm-signing";
    private static final Logger LOG = Logger.getLogger(ProjectKeyStore.class.getName());

    private KeyStore keyStore;

    /** The key store with the project's certificate, or null (logged) when this module was built without one. */
    @Override
    public synchronized KeyStore getKeyStore() {
        if (keyStore == null) {
            try {
                keyStore = load();
            } catch (IOException | GeneralSecurityException ex) {
                LOG.log(Level.WARNING, "The project's signing certificate (" + CERTIFICATE + " in the branding module)"
                        + " cannot be read: the project's NBMs will show as signed but not trusted", ex);
            }
        }
        return keyStore;
    }

    @Override
    public TrustLevel getTrustLevel() {
        return TrustLevel.TRUST;
    }

    /** The project's certificate, as the build exported it. */
    static X509Certificate certificate() throws IOException, GeneralSecurityException {
        try (InputStream in = ProjectKeyStore.class.getResourceAsStream(CERTIFICATE)) {
            if (in == null) {
                throw new IOException(CERTIFICATE + " is missing from the module (the build exports it)");
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static KeyStore load() throws IOException, GeneralSecurityException {
        Certificate cert = certificate();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry(ALIAS, cert);
        return ks;
    }
}
