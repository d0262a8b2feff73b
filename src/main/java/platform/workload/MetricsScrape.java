package platform.workload;

import platform.config.Patterns;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a pod says it serves Prometheus metrics, so a cluster collector can find it: the
 * {@code prometheus.io/*} pod annotations (scrape, port, path) that Prometheus' and Alloy's
 * Kubernetes discovery read, and, when the metrics have a port of their own, a container port named
 * {@value #PORT_NAME}.
 */
public final class MetricsScrape {
    public static final String PORT_NAME = "metrics";
    public static final String SCRAPE = "prometheus.io/scrape";
    public static final String PORT = "prometheus.io/port";
    public static final String PATH = "prometheus.io/path";

    private MetricsScrape() {
    }

    public static Map<String, String> annotations(int port, String path) {
        if (!Patterns.ROOTED_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("a metrics path starts with / and has no query, got " + path);
        }
        var annotations = new TreeMap<String, String>();
        annotations.put(SCRAPE, "true");
        annotations.put(PORT, Integer.toString(port));
        annotations.put(PATH, path);
        return annotations;
    }
}
