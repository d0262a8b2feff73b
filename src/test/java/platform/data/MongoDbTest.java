package platform.data;

import org.junit.jupiter.api.Test;
import platform.AnsweringCloud;
import platform.Stacks;
import platform.render.Secret;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
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
}
