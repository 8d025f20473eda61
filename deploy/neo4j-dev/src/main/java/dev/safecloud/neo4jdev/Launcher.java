package dev.safecloud.neo4jdev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Dev/test-only Neo4j: an embedded DBMS with an unauthenticated Bolt connector on 127.0.0.1.
 *
 * <p>Usage: {@code Launcher <homeDir> <port> [--watch-stdin]}. Store and Neo4j logs go under
 * homeDir. APOC is loaded when the system property {@code neo4jdev.plugins} names a directory
 * holding its jars. Prints {@code READY bolt://127.0.0.1:<port>} once Bolt is listening, then
 * runs until SIGTERM/SIGINT (or, with --watch-stdin, until stdin reaches EOF; or, with
 * {@code -Dneo4jdev.parentPid=N}, until process N exits) and shuts down.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher <homeDir> <port> [--watch-stdin]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        if (port < 1 || port > 65535) {
            System.err.println("port must be 1..65535, got " + port);
            System.exit(2);
        }
        boolean watchStdin = args.length > 2 && "--watch-stdin".equals(args[2]);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s + 5 s for idle pools/connections on shutdown by default; a dev
                // server has nothing to drain (the databases are already checkpointed by then).
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));

        String plugins = System.getProperty("neo4jdev.plugins", "");
        if (!plugins.isEmpty() && Files.isDirectory(Path.of(plugins))) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(plugins).toAbsolutePath())
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
        }

        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (Throwable t) { // e.g. port already in use: fail fast instead of hanging
            System.err.println("FAILED to start Neo4j: " + t);
            t.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            dbms.shutdown();
            System.out.println("STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "neo4j-dev-shutdown"));

        // Owner watchdog: exit (cleanly) when the owning process dies, e.g. a killed pytest run.
        String parentPid = System.getProperty("neo4jdev.parentPid", "");
        if (!parentPid.isEmpty()) {
            ProcessHandle.of(Long.parseLong(parentPid)).ifPresentOrElse(
                    owner -> owner.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }

        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();

        if (watchStdin) {
            while (System.in.read() != -1) {
                // drain until EOF: the parent closed our stdin (or died)
            }
            System.exit(0); // runs the shutdown hook
        }
        stopped.await();
    }
}
