package org.tsperf.cluster;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tsperf.api.cluster.ClusterSettings;

/**
 * The Hazelcast configuration of every tsperf member: the cluster's name, TCP-IP join with the explicit member list
 * (multicast and cloud auto-detection off), listening on the chosen interface only (127.0.0.1 by default), Java
 * deserialization limited to this module's message types and the exception types Hazelcast's error responses carry
 * (its own, java.lang, java.io, java.util.concurrent), no phone-home, Jet off, and a short heartbeat timeout so
 * that a killed or frozen worker is noticed within seconds and its segment re-run elsewhere.
 */
final class HazelcastConfigs {

    /** The executor that runs segments on workers: one at a time (a render uses every core). */
    static final String EXECUTOR = "tsperf-render";
    /** Member id to "cpuPercent running done", published by each worker. */
    static final String MEMBERS_MAP = "tsperf-members";
    /** "jobId/index" to "framesDone frames address", published by the worker rendering it. */
    static final String PROGRESS_MAP = "tsperf-progress";
    /** Seconds without a heartbeat after which a member counts as gone (Hazelcast's default is 60). */
    static final int NO_HEARTBEAT_SECONDS = Integer.getInteger("tsperf.cluster.noHeartbeatSeconds", 10);

    private HazelcastConfigs() {
    }

    static Config config(ClusterSettings settings, String role, boolean liteMember, Map<String, Object> context) {
        Config c = new Config();
        c.setClusterName(settings.name());
        c.setInstanceName("tsperf-" + role + "-" + settings.port() + "-" + Long.toHexString(System.nanoTime()));
        c.setLiteMember(liteMember);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.shutdownhook.enabled", "false"); // every owner shuts its instance down itself
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(NO_HEARTBEAT_SECONDS));
        c.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        c.getJetConfig().setEnabled(false);
        NetworkConfig network = c.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(100);
        network.setPublicAddress(null);
        network.getInterfaces().setEnabled(true).addInterface(settings.bind());
        network.getRestApiConfig().setEnabled(false);
        network.getMemcacheProtocolConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(5);
        for (String member : settings.members()) {
            join.getTcpIpConfig().addMember(member);
        }
        if (settings.members().isEmpty()) {
            join.getTcpIpConfig().addMember(settings.bind());
        }
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig();
        filter.setDefaultsDisabled(true);
        ClassFilter allowed = new ClassFilter();
        allowed.addPrefixes("org.tsperf.cluster.");
        allowed.addClasses("[B");
        // Hazelcast sends the exceptions of its own error responses (a retry after a partition moved, a member
        // that left) with Java serialization: its exception types and what a Throwable's serial form holds
        allowed.addPrefixes("com.hazelcast.");
        allowed.addPackages("java.lang", "java.util.concurrent", "java.io");
        allowed.addClasses("[Ljava.lang.StackTraceElement;", "java.util.Collections$EmptyList",
                "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableList",
                "java.util.Collections$UnmodifiableCollection", "java.util.ArrayList");
        filter.setWhitelist(allowed);
        c.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        c.getExecutorConfig(EXECUTOR).setPoolSize(1).setStatisticsEnabled(false);
        c.setUserContext(new ConcurrentHashMap<>(context));
        return c;
    }
}
