package platform.data;

import org.junit.jupiter.api.Test;
import platform.AnsweringCloud;
import platform.Stacks;
import platform.Versions;
import platform.k8s.AppNamespace;
import platform.k8s.ContainerImage;
import platform.render.ProgramRun;
import platform.render.Secret;
import platform.secrets.CredentialSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.map;

class MongoDbTest {

    @Test
    void authenticationIsOnAndTheAppUserGetsReadWriteOnItsDatabaseOnly() {
        var result = DatastoreTestStack.run(false, 1);
        var mongo = Stacks.container(Stacks.object(result, "StatefulSet", "demo", "mongodb"));

        assertThat(mongo.get("args")).isEqualTo(List.of("--auth", "--bind_ip_all"));
        assertThat(mongo.get("env").toString()).contains("name=MONGO_INITDB_ROOT_USERNAME, value=root")
                .contains("MONGO_INITDB_ROOT_PASSWORD, valueFrom={secretKeyRef={key=password, name=mongodb-root}}");
        var script = map(Stacks.object(result, "ConfigMap", "demo", "mongodb-init").inputs().get("data")).get("ensure-app-user.sh").toString();
        assertThat(script).contains("role: \"readWrite\", db: process.env.APP_DATABASE").contains("updateUser").contains("createUser")
                .doesNotContain("root\", db");
        assertThat(map(map(mongo.get("lifecycle")).get("postStart")).toString()).contains("/scripts/ensure-app-user.sh");
        assertThat(Stacks.object(result, "StatefulSet", "demo", "mongodb").input("spec.template.spec.securityContext.runAsUser")).contains(999L);
    }

    @Test
    void appsGetTheAppUsersConnectionStringNotRoot() {
        var result = DatastoreTestStack.runAnswered(1);
        var app = map(Stacks.object(result, "Secret", "demo", "mongodb").inputs().get("stringData"));
        var password = AnsweringCloud.passwordOf("mongodb-app-password", "1");

        assertThat(app).containsEntry("user", "demo_app").containsEntry("database", "demo").containsEntry("port", "27017")
                .containsEntry("uri", new Secret("mongodb://demo_app:" + password + "@mongodb:27017/demo?authSource=demo"));
        assertThat(map(Stacks.object(result, "Secret", "demo", "mongodb-root").inputs().get("stringData"))).containsEntry("user", "root");
        assertThat(Stacks.object(result, "NetworkPolicy", "demo", "mongodb-from-api").input("spec.ingress").orElseThrow().toString())
                .contains("port=27017");
    }

    private static MongoDbArgs lab() {
        return MongoDbArgs.of(platform.k8s.NamespaceRef.existing("lab"), "lab", ContainerImage.of(Versions.MONGO), "lab", "lab_app", "10Gi",
                Optional.empty(), CredentialSource.generated(), CredentialSource.generated(), false);
    }

    @Test
    void extraRolesOnAnotherDatabaseAreGrantedOnEveryStartAndNameItsDatabasesForBackups() {
        var args = lab().withExtraRoles(List.of(new MongoDbArgs.Role("userAdmin", "results"), new MongoDbArgs.Role("read", "results")));
        var result = ProgramRun.run(ctx -> new MongoDb("mongodb", args, null), "test", Map.of(), Set.of());
        var env = Stacks.container(Stacks.object(result, "StatefulSet", "lab", "mongodb")).get("env").toString();

        assertThat(env).contains("name=APP_EXTRA_ROLES, value=[{\"role\":\"userAdmin\",\"db\":\"results\"},{\"role\":\"read\",\"db\":\"results\"}]");
        assertThat(MongoDb.ensureAppUserScript()).contains(".concat(JSON.parse(process.env.APP_EXTRA_ROLES || \"[]\"))")
                .contains("updateUser(process.env.APP_USER, { pwd: process.env.APP_PASSWORD, roles: roles })");
        assertThat(args.databases()).containsExactly("lab", "results");
        assertThat(lab().databases()).containsExactly("lab");
    }

    @Test
    void withoutExtraRolesTheStatefulSetIsAsBefore() {
        var mongo = Stacks.container(Stacks.object(DatastoreTestStack.run(false, 1), "StatefulSet", "demo", "mongodb"));
        assertThat(mongo.get("env").toString()).doesNotContain("APP_EXTRA_ROLES");
        assertThat(lab().extraRoles()).isEmpty();
    }

    @Test
    void onlyDatabaseRolesOnAppDatabasesCanBeAdded() {
        assertThatThrownBy(() -> new MongoDbArgs.Role("root", "results")).hasMessageContaining("must be one of");
        assertThatThrownBy(() -> new MongoDbArgs.Role("readWriteAnyDatabase", "results")).hasMessageContaining("must be one of");
        assertThatThrownBy(() -> new MongoDbArgs.Role("read", "admin")).hasMessageContaining("needs an app database, got admin");
        assertThatThrownBy(() -> new MongoDbArgs.Role("read", "bad name")).hasMessageContaining("needs an app database");
    }
}
