package platform.data;

import java.util.List;
import java.util.TreeSet;

/**
 * The pod-template annotation that lists the versions of the generated credentials a workload
 * uses. Rotation bumps a version, which changes the template and so rolls the workload; no
 * secret value (nor a hash of one) is ever put in an annotation.
 */
public final class CredentialVersions {
    public static final String ANNOTATION = "platform.dev/credential-versions";

    private CredentialVersions() {
    }

    public static String of(List<String> versions) {
        return String.join(",", new TreeSet<>(versions));
    }
}
