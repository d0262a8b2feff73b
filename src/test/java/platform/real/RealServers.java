package platform.real;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs the platform's SQL, scripts or configuration against real servers:
 * tagged {@code real-servers} ({@code ./mvnw test -Dgroups=real-servers} runs only these) and
 * timed by {@link RealServerTimer}, which is registered first so its time includes the servers'.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("real-servers")
@ExtendWith(RealServerTimer.class)
public @interface RealServers {
}
