package platform.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Value formats shared by the settings readers (and the components that check the same values), each with
 * the words a problem message uses where the format, not the field, is what a reader needs to know.
 */
public final class Patterns {
    private Patterns() {
    }

    public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    public static final String DNS_LABEL_TEXT = "a DNS label (lower-case letters, digits and '-', at most 63, starting and ending alphanumeric)";

    public static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    public static final String DNS_NAME_TEXT = "a lower-case DNS name such as app.example.com";

    /** A Kubernetes minor such as {@code 1.35}: DOKS's newest patch of it is looked up at deploy time. */
    public static final Pattern KUBERNETES_MINOR = Pattern.compile("1\\.\\d{2}");
    /** The minor alone, or an exact DOKS slug of it. */
    public static final Pattern DOKS_VERSION = Pattern.compile(KUBERNETES_MINOR.pattern() + "(\\.\\d+-do\\.\\d+)?");
    public static final String DOKS_VERSION_TEXT = "a Kubernetes minor such as 1.35 (the newest DOKS patch of it is used), "
            + "or an exact DOKS version slug such as 1.35.1-do.0 (see `doctl kubernetes options versions`)";

    public static final Pattern SIZE_SLUG = Pattern.compile("[a-z0-9]+([-_][a-z0-9]+)*");
    public static final String SIZE_SLUG_TEXT = "a droplet size slug such as s-1vcpu-2gb or c-2 (see `doctl kubernetes options sizes`)";

    public static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    public static final String HH_MM_TEXT = "a UTC time of day as HH:MM";

    public static final Pattern CIDR = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}/(1[6-9]|2[0-8])");
    public static final String CIDR_TEXT = "an IPv4 range in CIDR notation from /16 to /28, such as 10.110.0.0/20";

    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
    public static final String EMAIL_TEXT = "an e-mail address";

    public static final Pattern CHART_VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+");
    public static final String CHART_VERSION_TEXT = "a pinned chart version such as v1.9.0";

    /** A volume size in whole gibibytes, as the settings' storage sizes take it. */
    public static final Pattern GIB_QUANTITY = Pattern.compile("[1-9]\\d*Gi");
    public static final String GIB_QUANTITY_TEXT = "a size such as 10Gi (a whole number of Gi)";

    /** An absolute path of non-empty segments, no trailing '/' (a file or a URL prefix); messages give the field's own example. */
    public static final Pattern ABSOLUTE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    /** A path from the root where '/' alone and a trailing '/' are fine, such as an HTTP probe path or an NFS export. */
    public static final Pattern ROOTED_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

    /** DigitalOcean's regions, as the provider schema lists them. */
    public static final List<String> REGIONS = List.of(
            "nyc1", "nyc2", "nyc3", "sgp1", "lon1", "ams2", "ams3", "fra1", "tor1", "sfo1", "sfo2", "sfo3", "blr1", "syd1");

    public static final List<String> WEEKDAYS = List.of(
            "any", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
}
