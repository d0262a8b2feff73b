package platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole stack config, typed and validated once. Building it reads every key; if any problem
 * was found, {@link StackConfig#validate()} fails with all of them before a resource exists.
 * Each system's section is optional: a stack runs the systems it configures.
 */
public record PlatformSettings(String stack, Environment environment, ClusterSettings cluster,
                               Optional<RegistrySettings> registry, Optional<BackupSettings> backups, EdgeSettings edge,
                               Optional<BowmarkSettings> bowmark, Optional<MarcSettings> marc, Optional<MortimerSettings> mortimer,
                               Optional<Project88Settings> project88, Optional<SrqHpnSettings> srqHpn,
                               Optional<ObservabilitySettings> observability) {

    public static PlatformSettings read(String stack, StackConfig config) {
        var environment = Environment.read(config.get("environment"));
        var cluster = ClusterSettings.read(config.get("cluster"));
        var registry = RegistrySettings.read(config.get("registry"), cluster);
        var backupsNode = config.get("backups");
        var backups = BackupSettings.read(backupsNode, cluster, config);
        var edge = EdgeSettings.read(config.get("edge"), stack, cluster);
        var sites = new SiteReader();
        var bowmark = BowmarkSettings.read(config.get("bowmark"), config, environment, sites, cluster);
        var marc = MarcSettings.read(config.get("marc"), config, environment, sites, cluster);
        var mortimer = MortimerSettings.read(config.get("mortimer"), config, environment, sites, cluster);
        var project88 = Project88Settings.read(config.get("project88"), config, environment, sites, cluster);
        var srqHpn = SrqHpnSettings.read(config.get("srqHpn"), config, environment, sites, cluster);
        project88.map(system -> system.backup().pointInTime()).filter(PitrSettings::enabled).ifPresent(pitr ->
                backups.ifPresent(settings -> BackupSettings.requireKept(backupsNode, settings, pitr.minimumLifecycleDays(),
                        "the longest platform:project88.backup.pointInTimeRecovery can need",
                        PitrSettings.WAL_PREFIX, PitrSettings.BASE_PREFIX)));
        var observability = ObservabilitySettings.read(config.get("observability"), config);
        config.validate();
        return new PlatformSettings(stack, environment, cluster, registry, backups, edge, bowmark, marc, mortimer, project88, srqHpn,
                observability);
    }

    /** Every system's hosts and certificate: the gateway's HTTPS listeners. */
    public List<Site> sites() {
        var sites = new ArrayList<Site>();
        bowmark.ifPresent(system -> sites.add(system.site()));
        marc.ifPresent(system -> sites.add(system.site()));
        mortimer.ifPresent(system -> sites.add(system.site()));
        project88.ifPresent(system -> sites.add(system.site()));
        srqHpn.ifPresent(system -> sites.add(system.site()));
        return sites;
    }

    /**
     * The systems this stack runs that keep data of their own, by name: each gets a backup bucket of its
     * own. marc only reads a copy of a file on NFS, so it has none.
     */
    public List<String> systemsWithData() {
        var systems = new ArrayList<String>();
        bowmark.ifPresent(system -> systems.add(BowmarkSettings.SYSTEM));
        mortimer.ifPresent(system -> systems.add(system.site().system()));
        project88.ifPresent(system -> systems.add(system.site().system()));
        srqHpn.ifPresent(system -> systems.add(system.site().system()));
        return systems;
    }

    public boolean protectsData() {
        return environment.protectsData();
    }
}
