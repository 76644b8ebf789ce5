package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.secretsmanager.SecretsManagerFixtures;
import dev.drydock.ssm.SsmFixtures;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The secrets services' cost: the in-process round trip of GetSecretValue (a secret under aws/secretsmanager, so a
 * Secrets Manager and a KMS authorization and an AES-GCM decryption per call) and of GetParameter (a String, and a
 * SecureString WithDecryption) through the SDK; and Drydock.start() in a fresh JVM with drydock-secrets-fixtures and
 * drydock-logs-fixtures on the classpath against the same classpath without them (their routing tables are built on
 * first use, so their start cost should be near zero).
 */
final class SecretsBenchmark {
    private SecretsBenchmark() {}

    static void run() throws Exception {
        int warmup = 2000;
        int runs = 5000;
        try (Drydock d = Drydock.builder()
                        .runtime(SimulatedRuntime::new)
                        .fixture(
                                SecretsManagerFixtures.secret("bench/db", "{\"username\":\"app\",\"password\":\"pw\"}"))
                        .fixture(SsmFixtures.parameter("/bench/url", "https://bench"))
                        .fixture(SsmFixtures.secureString("/bench/token", "t0k3n"))
                        .start();
                SecretsManagerClient sm = d.client(SecretsManagerClient.builder());
                SsmClient ssm = d.client(SsmClient.builder())) {
            System.out.printf(
                    Locale.ROOT, "%nSecrets round trips, in process (%d calls after %d warm-up):%n", runs, warmup);
            report(
                    "GetSecretValue (aws/secretsmanager key)",
                    warmup,
                    runs,
                    () -> sm.getSecretValue(r -> r.secretId("bench/db")));
            report("GetParameter String", warmup, runs, () -> ssm.getParameter(r -> r.name("/bench/url")));
            report(
                    "GetParameter SecureString WithDecryption",
                    warmup,
                    runs,
                    () -> ssm.getParameter(r -> r.name("/bench/token").withDecryption(true)));
            d.decisionLog().clear();
        }
        startup();
    }

    private static void report(String what, int warmup, int runs, Supplier<?> call) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long t0 = System.nanoTime();
            call.get();
            long t1 = System.nanoTime();
            if (i >= warmup) {
                samples.add((t1 - t0) / 1e6);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  %-42s median %.3f ms  p90 %.3f  p99 %.3f%n",
                what,
                Benchmarks.median(samples),
                Benchmarks.percentile(samples, 90),
                Benchmarks.percentile(samples, 99));
    }

    /** Drydock.start() in fresh JVMs, with and without the secrets and logs modules, interleaved. */
    private static void startup() throws Exception {
        int runs = 9;
        String full = System.getProperty("java.class.path");
        String without = Arrays.stream(full.split(File.pathSeparator))
                .filter(e -> !e.contains("secrets-fixtures") && !e.contains("logs-fixtures"))
                .collect(Collectors.joining(File.pathSeparator));
        List<Double> with = new ArrayList<>();
        List<Double> withoutModules = new ArrayList<>();
        List<Double> withFirst = new ArrayList<>();
        List<Double> withoutFirst = new ArrayList<>();
        List<Double> withCpu = new ArrayList<>();
        List<Double> withoutCpu = new ArrayList<>();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        for (int i = 0; i < runs; i++) {
            String[] a = Benchmarks.run(java, "-cp", full, Benchmarks.StartupProbe.class.getName())
                    .trim()
                    .split("\\s+");
            with.add(Double.parseDouble(a[0]));
            withFirst.add(Double.parseDouble(a[1]));
            String[] b = Benchmarks.run(java, "-cp", without, Benchmarks.StartupProbe.class.getName())
                    .trim()
                    .split("\\s+");
            withoutModules.add(Double.parseDouble(b[0]));
            withoutFirst.add(Double.parseDouble(b[1]));
            withCpu.add(Double.parseDouble(
                    Benchmarks.run(java, "-cp", full, CpuProbe.class.getName()).trim()));
            withoutCpu.add(Double.parseDouble(Benchmarks.run(java, "-cp", without, CpuProbe.class.getName())
                    .trim()));
        }
        System.out.printf(
                Locale.ROOT,
                "%nDrydock.start() in a fresh JVM, with and without drydock-secrets-fixtures and drydock-logs-fixtures "
                        + "(%d runs each, interleaved, median):%n",
                runs);
        System.out.printf(
                Locale.ROOT,
                "  with the four services     start() %7.1f ms   first answer %7.1f ms%n",
                Benchmarks.median(with),
                Benchmarks.median(withFirst));
        System.out.printf(
                Locale.ROOT,
                "  without them               start() %7.1f ms   first answer %7.1f ms%n",
                Benchmarks.median(withoutModules),
                Benchmarks.median(withoutFirst));
        System.out.printf(
                Locale.ROOT,
                "  CPU time of the thread calling start() (less sensitive to a busy machine): with %.1f ms, "
                        + "without %.1f ms%n",
                Benchmarks.median(withCpu),
                Benchmarks.median(withoutCpu));
    }

    /** Runs in a fresh JVM: prints the CPU time (ms) the calling thread spends in Drydock.start(). */
    public static final class CpuProbe {
        private CpuProbe() {}

        public static void main(String[] args) throws Exception {
            Benchmarks.warmTheClient();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long t0 = threads.getCurrentThreadCpuTime();
            try (Drydock d = Drydock.start()) {
                long t1 = threads.getCurrentThreadCpuTime();
                System.out.printf(Locale.ROOT, "%.1f%n", (t1 - t0) / 1e6);
            }
        }
    }
}
