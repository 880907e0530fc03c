// The Kafka image's health check: healthy once the broker on HEALTHCHECK_BOOTSTRAP (default
// localhost:9092) describes its cluster with at least one broker, which needs a controller.
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

public final class Healthcheck {
    public static void main(String[] args) throws Exception {
        String bootstrap = System.getenv().getOrDefault("HEALTHCHECK_BOOTSTRAP", "localhost:9092");
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        try (Admin admin = Admin.create(props)) {
            int brokers = admin.describeCluster().nodes().get(8, TimeUnit.SECONDS).size();
            System.exit(brokers > 0 ? 0 : 1);
        }
    }
}
