package org.mmlab.service.trainer.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmlab.cli.MmlabCli;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code k8s/}: every kustomization's files exist and every manifest loads as a typed Kubernetes
 * object; then each of base, dev and training is rendered with {@code kubectl kustomize} (when
 * kubectl is installed) and checked for what a cluster would only find out at run time: selectors
 * that match, probes on the actuator's probe paths, resources, the models claim, configuration keys
 * that the services read, the sweep's argument files, and a training Job equal to the one the
 * Kubernetes runner builds.
 */
class KustomizeManifestsTest {
  static final Path K8S = Path.of("..", "k8s").toAbsolutePath().normalize();
  static final Path ROOT = K8S.getParent();
  static final YAMLMapper YAML = new YAMLMapper();
  static final KubernetesClient LOADER = new KubernetesClientBuilder().build();
  static final Set<String> ONLINE =
      Set.of("market-data-service", "order-gateway-service", "rl-strategy-service");

  @AfterAll
  static void close() {
    LOADER.close();
  }

  static List<Path> kustomizations() throws IOException {
    try (Stream<Path> s = Files.walk(K8S)) {
      return s.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
    }
  }

  static List<HasMetadata> load(InputStream yaml) {
    return LOADER.load(yaml).items();
  }

  @Test
  void everyReferencedFileExistsAndEveryManifestIsATypedObject() throws IOException {
    List<Path> all = kustomizations();
    assertThat(all)
        .extracting(p -> K8S.relativize(p.getParent()).toString())
        .contains("base", "base/storage", "overlays/dev", "overlays/training");
    for (Path k : all) {
      Path dir = k.getParent();
      JsonNode kustomization = YAML.readTree(k.toFile());
      assertThat(kustomization.path("kind").asString()).as(k.toString()).isEqualTo("Kustomization");
      List<String> files = new ArrayList<>();
      kustomization.path("resources").forEach(n -> files.add(n.asString()));
      kustomization.path("patches").forEach(n -> files.add(n.path("path").asString()));
      for (String gen : List.of("configMapGenerator", "secretGenerator")) {
        for (JsonNode g : kustomization.path(gen)) {
          g.path("files").forEach(n -> files.add(n.asString()));
          g.path("envs").forEach(n -> files.add(n.asString()));
        }
      }
      for (String f : files) {
        Path p = dir.resolve(f).normalize();
        assertThat(p).as("%s names %s", k, f).exists();
        if (Files.isRegularFile(p) && f.endsWith(".yaml")) {
          try (InputStream in = Files.newInputStream(p)) {
            List<HasMetadata> objects = load(in);
            assertThat(objects).as(p.toString()).isNotEmpty();
            assertThat(objects)
                .as("%s: every object of a known kind", p)
                .noneMatch(GenericKubernetesResource.class::isInstance);
          }
        }
      }
    }
  }

  // ---- rendered ----

  static List<HasMetadata> render(String dir) throws IOException, InterruptedException {
    assumeTrue(kubectl() != null, "kubectl is not installed: kustomizations are not rendered");
    Process p =
        new ProcessBuilder(kubectl(), "kustomize", K8S.resolve(dir).toString())
            .redirectErrorStream(true)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
    return load(new ByteArrayInputStream(out));
  }

  static String kubectl() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, "kubectl");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
    List<T> found = all(objects, type).stream().filter(o -> name(o).equals(name)).toList();
    assertThat(found).as("%s %s", type.getSimpleName(), name).hasSize(1);
    return found.get(0);
  }

  static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }

  static double amount(Quantity q) {
    return q.getNumericalAmount().doubleValue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev"})
  void onlineServicesAreWiredProbedSizedAndScraped(String dir) throws Exception {
    List<HasMetadata> objects = render(dir);
    List<Deployment> deployments = all(objects, Deployment.class);
    Set<String> names = new TreeSet<>();
    deployments.forEach(d -> names.add(name(d)));
    assertThat(names).containsAll(ONLINE);
    for (Deployment d : deployments) {
      String name = name(d);
      Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
      assertThat(podLabels).containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
      assertThat(podLabels).containsEntry("app.kubernetes.io/part-of", "mmlab");
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isEqualTo(10001L);
      assertThat(pod.getContainers()).hasSize(1);
      Container c = pod.getContainers().get(0);
      assertThat(c.getImage()).as(name).startsWith("mmlab/" + name + ":");
      int port = c.getPorts().get(0).getContainerPort();
      assertThat(c.getPorts().get(0).getName()).isEqualTo("http");

      Service svc = named(objects, Service.class, name);
      assertThat(podLabels).containsAllEntriesOf(svc.getSpec().getSelector());
      ServicePort sp = svc.getSpec().getPorts().get(0);
      assertThat(sp.getPort()).isEqualTo(port);
      assertThat(sp.getTargetPort().getStrVal()).isEqualTo("http");

      assertProbe(c.getStartupProbe(), "/actuator/health/liveness");
      assertProbe(c.getLivenessProbe(), "/actuator/health/liveness");
      assertProbe(c.getReadinessProbe(), "/actuator/health/readiness");
      assertThat(probesEnabled(objects, c)).as("%s enables the probe endpoints", name).isTrue();

      for (String r : List.of("cpu", "memory")) {
        Quantity req = c.getResources().getRequests().get(r);
        Quantity lim = c.getResources().getLimits().get(r);
        assertThat(req).as("%s %s request", name, r).isNotNull();
        assertThat(lim).as("%s %s limit", name, r).isNotNull();
        assertThat(amount(req)).as("%s %s", name, r).isLessThanOrEqualTo(amount(lim));
      }

      Map<String, String> ann = d.getSpec().getTemplate().getMetadata().getAnnotations();
      assertThat(ann)
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", Integer.toString(port))
          .containsEntry("prometheus.io/path", "/actuator/prometheus");

      for (EnvFromSource from : c.getEnvFrom()) {
        if (from.getConfigMapRef() != null) {
          named(objects, ConfigMap.class, from.getConfigMapRef().getName());
        }
        if (from.getSecretRef() != null) {
          named(objects, Secret.class, from.getSecretRef().getName());
        }
      }
      for (Volume v : pod.getVolumes()) {
        if (v.getPersistentVolumeClaim() != null) {
          named(objects, PersistentVolumeClaim.class, v.getPersistentVolumeClaim().getClaimName());
        }
      }
    }
    Container strategy =
        named(objects, Deployment.class, "rl-strategy-service")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(strategy.getVolumeMounts())
        .anyMatch(m -> m.getName().equals("models") && m.getMountPath().equals("/models"));
  }

  static void assertProbe(Probe probe, String path) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  static boolean probesEnabled(List<HasMetadata> objects, Container c) {
    String key = "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED";
    for (EnvVar e : c.getEnv()) {
      if (e.getName().equals(key)) {
        return "true".equals(e.getValue());
      }
    }
    for (EnvFromSource from : c.getEnvFrom()) {
      if (from.getConfigMapRef() != null) {
        ConfigMap cm = named(objects, ConfigMap.class, from.getConfigMapRef().getName());
        if ("true".equals(cm.getData().get(key))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every MMLAB_* key of the ConfigMap and Secret is a property some service actually reads. */
  @Test
  void configurationKeysAreReadByTheServices() throws Exception {
    List<HasMetadata> objects = render("base");
    Set<String> properties = new HashSet<>();
    Set<String> placeholders = new HashSet<>();
    for (String svc :
        List.of("market-data-service", "order-gateway-service", "rl-strategy-service")) {
      Path yml = ROOT.resolve(svc).resolve("src/main/resources/application.yml");
      flatten("", YAML.readTree(yml.toFile()), properties);
      Matcher m =
          java.util.regex.Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(yml));
      while (m.find()) {
        placeholders.add(m.group(1));
      }
    }
    Set<String> keys = new TreeSet<>(all(objects, ConfigMap.class).get(0).getData().keySet());
    keys.addAll(all(objects, Secret.class).get(0).getData().keySet());
    // The strategy service's key pool: one gateway key per running strategy.
    assertThat(keys)
        .contains(
            "MMLAB_INTERNAL_TOKEN",
            "MMLAB_STRATEGY_API_KEY",
            "MMLAB_STRATEGY_2_API_KEY",
            "MMLAB_STRATEGY_3_API_KEY",
            "MMLAB_STRATEGY_4_API_KEY");
    for (String key : keys) {
      if (key.startsWith("MANAGEMENT_")) {
        continue; // Spring Boot's own; checked by TrainerServiceTest's probe calls
      }
      String relaxed = key.toLowerCase().replace('_', '.');
      assertThat(placeholders.contains(key) || properties.contains(relaxed))
          .as("%s is read by a service (placeholder or %s)", key, relaxed)
          .isTrue();
    }
  }

  static void flatten(String prefix, JsonNode node, Set<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        flatten(prefix + e.getKey().replace("-", "") + ".", e.getValue(), out);
      }
    } else {
      out.add(prefix.substring(0, prefix.length() - 1));
    }
  }

  @Test
  void devRunsTheTrainerWithItsRunnerAndJustTheRightsItNeeds() throws Exception {
    List<HasMetadata> objects = render("overlays/dev");
    named(objects, Namespace.class, "mmlab");
    for (HasMetadata o : objects) {
      if (!(o instanceof Namespace)) {
        assertThat(o.getMetadata().getNamespace()).as(name(o)).isEqualTo("mmlab");
      }
    }
    for (Service s : all(objects, Service.class)) {
      assertThat(s.getSpec().getType()).as(name(s)).isEqualTo("NodePort");
    }
    Deployment trainer = named(objects, Deployment.class, "trainer-service");
    PodSpec pod = trainer.getSpec().getTemplate().getSpec();
    Container c = pod.getContainers().get(0);
    Map<String, String> env = new java.util.HashMap<>();
    for (EnvVar e : c.getEnv()) {
      env.put(e.getName(), e.getValue());
    }
    assertThat(env)
        .containsEntry("MMLAB_TRAINER_KUBERNETES_ENABLED", "true")
        .containsEntry("MMLAB_TRAINER_KUBERNETES_IMAGE", c.getImage())
        .containsEntry("MMLAB_MODELS_DIR", "/models");
    String claim = env.get("MMLAB_TRAINER_KUBERNETES_MODELS_CLAIM");
    named(objects, PersistentVolumeClaim.class, claim);
    assertThat(pod.getVolumes())
        .anyMatch(
            v ->
                v.getPersistentVolumeClaim() != null
                    && v.getPersistentVolumeClaim().getClaimName().equals(claim));

    RoleBinding binding = all(objects, RoleBinding.class).get(0);
    assertThat(binding.getSubjects())
        .anyMatch(s -> s.getName().equals(pod.getServiceAccountName()));
    Role role = named(objects, Role.class, binding.getRoleRef().getName());
    PolicyRule rule = role.getRules().get(0);
    assertThat(rule.getApiGroups()).containsExactly("batch");
    assertThat(rule.getResources()).containsExactly("jobs");
    assertThat(rule.getVerbs()).contains("create", "get", "list", "delete");
  }

  @Test
  void theTrainingJobIsTheOneTheRunnerBuilds() throws Exception {
    List<HasMetadata> objects = render("overlays/training");
    Job overlay = named(objects, Job.class, "mmlab-train");
    KubernetesRunnerProperties defaults =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("mmlab.trainer.kubernetes", KubernetesRunnerProperties.class);
    Container oc = overlay.getSpec().getTemplate().getSpec().getContainers().get(0);
    Job runner = new JobManifest(defaults).build(name(overlay), "mmlab", oc.getArgs(), Map.of());

    assertThat(overlay.getSpec().getBackoffLimit()).isEqualTo(runner.getSpec().getBackoffLimit());
    assertThat(overlay.getSpec().getTtlSecondsAfterFinished())
        .isEqualTo(runner.getSpec().getTtlSecondsAfterFinished());
    assertThat(runner.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(overlay.getSpec().getTemplate().getMetadata().getLabels());
    PodSpec op = overlay.getSpec().getTemplate().getSpec();
    PodSpec rp = runner.getSpec().getTemplate().getSpec();
    assertThat(op.getRestartPolicy()).isEqualTo(rp.getRestartPolicy());
    assertThat(op.getAutomountServiceAccountToken())
        .isEqualTo(rp.getAutomountServiceAccountToken());
    assertThat(op.getSecurityContext()).isEqualTo(rp.getSecurityContext());
    assertThat(op.getVolumes()).isEqualTo(rp.getVolumes());
    Container rc = rp.getContainers().get(0);
    assertThat(oc.getName()).isEqualTo(rc.getName());
    assertThat(oc.getImage()).isEqualTo(rc.getImage());
    assertThat(oc.getImagePullPolicy()).isEqualTo(rc.getImagePullPolicy());
    assertThat(oc.getResources()).isEqualTo(rc.getResources());
    assertThat(oc.getVolumeMounts()).isEqualTo(rc.getVolumeMounts());
    assertThat(oc.getSecurityContext()).isEqualTo(rc.getSecurityContext());

    ParseResult parsed = MmlabCli.commandLine().parseArgs(oc.getArgs().toArray(String[]::new));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("train");
    assertThat(parsed.subcommand().matchedOptionValue("--save-path", Path.of("")).toString())
        .startsWith(defaults.modelsMountPath() + "/");
  }

  @Test
  void theSweepGivesEveryIndexItsOwnValidOptionsAndBundle() throws Exception {
    List<HasMetadata> objects = render("overlays/training");
    Job sweep = named(objects, Job.class, "mmlab-sweep");
    assertThat(sweep.getSpec().getCompletionMode()).isEqualTo("Indexed");
    int completions = sweep.getSpec().getCompletions();
    assertThat(sweep.getSpec().getParallelism()).isBetween(1, completions);
    PodSpec pod = sweep.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    Container c = pod.getContainers().get(0);
    assertThat(c.getEnv())
        .anyMatch(
            e ->
                e.getName().equals("SWEEP_INDEX")
                    && e.getValueFrom()
                        .getFieldRef()
                        .getFieldPath()
                        .equals(
                            "metadata.annotations['batch.kubernetes.io/job-completion-index']"));
    String sweepMount =
        c.getVolumeMounts().stream()
            .filter(m -> m.getName().equals("sweep"))
            .findFirst()
            .orElseThrow()
            .getMountPath();
    String configMap =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals("sweep"))
            .findFirst()
            .orElseThrow()
            .getConfigMap()
            .getName();
    Map<String, String> files = named(objects, ConfigMap.class, configMap).getData();
    assertThat(files).hasSize(completions);

    Path work = Files.createTempDirectory("mmlab-sweep");
    Set<Path> bundles = new HashSet<>();
    Set<String> runs = new HashSet<>();
    for (int i = 0; i < completions; i++) {
      String key = i + ".args";
      assertThat(files).containsKey(key);
      Files.writeString(work.resolve(key), files.get(key));
      // What the kubelet and the pod do: expand $(SWEEP_INDEX), read the mounted argument file.
      List<String> args = new ArrayList<>();
      for (String a : c.getArgs()) {
        args.add(
            a.replace("$(SWEEP_INDEX)", Integer.toString(i))
                .replace("@" + sweepMount + "/", "@" + work + "/"));
      }
      ParseResult parsed =
          MmlabCli.commandLine().parseArgs(args.toArray(String[]::new)).subcommand();
      assertThat(parsed.commandSpec().name()).isEqualTo("train");
      Path save = parsed.matchedOptionValue("--save-path", null);
      assertThat(save.toString()).startsWith("/models/");
      bundles.add(save);
      runs.add(
          parsed.matchedOptionValue("--seed", 1L)
              + "/"
              + parsed.matchedOptionValue("--learning-rate", 3e-4));
    }
    assertThat(bundles).as("one bundle per index").hasSize(completions);
    assertThat(runs).as("one seed and learning rate per index").hasSize(completions);
    org.springframework.util.FileSystemUtils.deleteRecursively(work);
  }

  @Test
  void trainingJobsWriteIntoTheBasesModelsClaim() throws Exception {
    String claim = name(all(render("base"), PersistentVolumeClaim.class).get(0));
    for (Job job : all(render("overlays/training"), Job.class)) {
      assertThat(job.getSpec().getTemplate().getSpec().getVolumes())
          .as(name(job))
          .anyMatch(
              v ->
                  v.getPersistentVolumeClaim() != null
                      && v.getPersistentVolumeClaim().getClaimName().equals(claim));
      assertThat(job.getMetadata().getNamespace()).isEqualTo("mmlab");
    }
  }

  /** picocli rejects what the one-shot mode would reject at parse time (an unknown option). */
  @Test
  void aBrokenArgumentFileWouldBeCaught() throws IOException {
    Path f = Files.createTempFile("bad", ".args");
    Files.writeString(f, "--learning-rat 1e-4\n--save-path /models/x\n");
    CommandLine cl = MmlabCli.commandLine();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> cl.parseArgs("train", "@" + f, "--no-progress"))
        .isInstanceOf(CommandLine.ParameterException.class);
    Files.delete(f);
  }
}
