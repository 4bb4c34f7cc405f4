package org.tsperf.app;

import static junit.framework.Assert.assertEquals;
import static junit.framework.Assert.assertFalse;
import static junit.framework.Assert.assertNotNull;
import static junit.framework.Assert.assertNull;
import static junit.framework.Assert.assertTrue;
import static org.tsperf.app.Await.await;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openide.modules.ModuleInfo;
import org.openide.util.Lookup;

/**
 * Tools &gt; Plugins' operations through the platform's autoupdate API, as the workbench runs them: uninstall (the
 * direct operation: no restart) and install from the project's update center (download, validate, install).
 * Autoupdate types stay inside method bodies: they are not on the class path while the suite is discovered.
 */
final class PluginOperations {

    static final String CATALOG = "Timeline Studio Performance Modules";

    /** What the platform's validation said of a module's NBM. */
    record Validation(boolean trusted, boolean signatureValid, boolean signedByUnknownKey, boolean modified,
            String certificate) {
    }

    private PluginOperations() {
    }

    /** Tools > Plugins > Installed > Uninstall, with the direct operation: the files go now, no restart. */
    static void uninstall(String codeName) throws Exception {
        org.netbeans.api.autoupdate.UpdateUnit unit = unit(codeName);
        assertNotNull(codeName + " is installed", unit.getInstalled());
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.OperationSupport> c =
                org.netbeans.api.autoupdate.OperationContainer.createForDirectUninstall();
        assertTrue(codeName + " can be uninstalled", c.canBeAdded(unit, unit.getInstalled()));
        org.netbeans.api.autoupdate.OperationContainer.OperationInfo<org.netbeans.api.autoupdate.OperationSupport>
                info = c.add(unit.getInstalled());
        assertEquals("no other module needs " + codeName, java.util.Set.of(), info.getRequiredElements());
        assertTrue("nothing blocks uninstalling " + codeName + ": " + c.listInvalid(), c.listInvalid().isEmpty());
        // as ./tsperf modules uninstall does (UninstallFiles): the platform deletes the clusters' status files only,
        // and the module stays defined by the user directory's (NbModuleSuite writes one for every module)
        Files.deleteIfExists(Path.of(System.getProperty("netbeans.user"), "config", "Modules",
                codeName.replace('.', '-') + ".xml"));
        assertNull("uninstalled without a restart", c.getSupport().doOperation(null));
        await(() -> !known(codeName), codeName + " to leave the module system");
    }

    /** Tools > Plugins > Available Plugins > Install, from the project's catalog: download, validate, install. */
    static Validation install(String codeName) throws Exception {
        Validation v = installIfUnchanged(codeName);
        assertFalse(codeName + "'s NBM is not marked as changed", v.modified());
        return v;
    }

    /**
     * Downloads and validates the module's NBM (with what it needs) and installs it only when the validation found
     * nothing changed, as the Plugins dialog does; a changed one is cancelled, its download deleted.
     */
    static Validation installIfUnchanged(String codeName) throws Exception {
        refreshCatalog();
        org.netbeans.api.autoupdate.UpdateUnit unit = unit(codeName);
        assertNull(codeName + " is no longer installed", unit.getInstalled());
        assertFalse("the catalog offers " + codeName, unit.getAvailableUpdates().isEmpty());
        org.netbeans.api.autoupdate.UpdateElement element = unit.getAvailableUpdates().get(0);
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.InstallSupport> c =
                org.netbeans.api.autoupdate.OperationContainer.createForInstall();
        org.netbeans.api.autoupdate.OperationContainer.OperationInfo<org.netbeans.api.autoupdate.InstallSupport>
                info = c.add(element);
        assertTrue("nothing it needs is missing: " + info.getBrokenDependencies(),
                info.getBrokenDependencies().isEmpty());
        c.add(info.getRequiredElements());
        org.netbeans.api.autoupdate.InstallSupport support = c.getSupport();
        org.netbeans.api.autoupdate.InstallSupport.Validator downloaded = support.doDownload(null, null, false);
        org.netbeans.api.autoupdate.InstallSupport.Installer validated;
        try {
            validated = support.doValidate(downloaded, null);
        } catch (org.netbeans.api.autoupdate.OperationException ex) {
            support.doCancel();
            assertEquals("refused as changed: " + ex.getMessage(),
                    org.netbeans.api.autoupdate.OperationException.ERROR_TYPE.MODIFIED, ex.getErrorType());
            return new Validation(false, false, false, true, "");
        }
        Validation v = new Validation(support.isTrusted(validated, element), support.isSignedVerified(validated, element),
                support.isSignedUnverified(validated, element), support.isContentModified(validated, element),
                String.valueOf(support.getCertificate(validated, element)));
        if (v.modified()) {
            support.doCancel();
            return v;
        }
        assertNull("installed without a restart", support.doInstall(validated, null));
        await(() -> enabled(codeName), codeName + " to be installed and on");
        return v;
    }

    /** Points the project's update center at another catalog (a copy), as {@code -Dtsperf.updates.url} would. */
    static URL useCatalog(URL catalog) throws IOException {
        org.netbeans.api.autoupdate.UpdateUnitProvider p = provider();
        URL before = p.getProviderURL();
        p.setProviderURL(catalog);
        p.refresh(null, true);
        return before;
    }

    private static void refreshCatalog() throws IOException {
        provider().refresh(null, true);
    }

    private static org.netbeans.api.autoupdate.UpdateUnitProvider provider() {
        for (org.netbeans.api.autoupdate.UpdateUnitProvider p
                : org.netbeans.api.autoupdate.UpdateUnitProviderFactory.getDefault().getUpdateUnitProviders(false)) {
            if (CATALOG.equals(p.getDisplayName())) {
                return p;
            }
        }
        throw new AssertionError("Tools > Plugins lists the project's update center " + CATALOG);
    }

    private static org.netbeans.api.autoupdate.UpdateUnit unit(String codeName) {
        for (org.netbeans.api.autoupdate.UpdateUnit u
                : org.netbeans.api.autoupdate.UpdateManager.getDefault().getUpdateUnits()) {
            if (u.getCodeName().equals(codeName)) {
                return u;
            }
        }
        throw new AssertionError(codeName + " is neither installed nor in the catalog");
    }

    static boolean known(String codeName) {
        return Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                .anyMatch(m -> m.getCodeNameBase().equals(codeName));
    }

    static boolean enabled(String codeName) {
        return Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                .anyMatch(m -> m.getCodeNameBase().equals(codeName) && m.isEnabled());
    }

    /** The class loader of the enabled module {@code codeName} (the installed one's). */
    static ClassLoader moduleClassLoader(String codeName) {
        return Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                .filter(m -> m.getCodeNameBase().equals(codeName) && m.isEnabled())
                .findFirst().orElseThrow(() -> new AssertionError(codeName + " is not enabled")).getClassLoader();
    }
}
