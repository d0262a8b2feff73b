package platform.k8s;

/**
 * The non-root user and group a container's image runs as; {@code fsGroup} makes volumes writable for it.
 * The ids are the ones the upstream images create.
 */
public record RunAs(long user, long group) {
    public static final RunAs POSTGRES = new RunAs(999, 999);
    public static final RunAs RABBITMQ = new RunAs(999, 999);
    public static final RunAs MONGO = new RunAs(999, 999);
    public static final RunAs REDIS = new RunAs(999, 999);
    public static final RunAs OPENSEARCH = new RunAs(1000, 1000);
    /** pgAdmin's image runs as its {@code pgadmin} user. */
    public static final RunAs PGADMIN = new RunAs(5050, 5050);
    /** The seeds' application images run as 1000:1000. */
    public static final RunAs APP = new RunAs(1000, 1000);
    /** Small upstream tool images (aws-cli, dbmate, kubectl) that need no particular user. */
    public static final RunAs TOOL = new RunAs(65532, 65532);

    public RunAs {
        if (user <= 0 || group <= 0) {
            throw new IllegalArgumentException("RunAs needs a non-root user and group, got " + user + ":" + group);
        }
    }
}
