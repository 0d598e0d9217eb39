import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * npm run host:check — checks the host-android module with the JDK alone (no Android SDK, no Gradle):
 * <ol>
 *   <li>main sources use no Java API that Android 5 (API 21) lacks;</li>
 *   <li>stubs, core and adapters compile with {@code --release 8 -Werror -Xlint:all}; the core without any stub;</li>
 *   <li>the plain-Java tests pass (run without the stubs on the class path);</li>
 *   <li>every stub declaration is in the real wmpf-cli 2.2.0 API (stubs/wmpf-cli-2.2.0.javap.txt);</li>
 *   <li>AndroidManifest.xml names the compiled provider and application, the authority and the queries;</li>
 *   <li>mutants: each delegate override removed, each WMPF call renamed, ... — javac must reject every one.</li>
 * </ol>
 * With WMPF_CLI_AAR=/path/to/wmpf-cli-2.2.0.aar it also compiles the module against the real AAR's classes, and
 * {@code --write-snapshot} rewrites the API snapshot from it.
 */
public class HostCheck {
    private static final String RELEASE_MAIN = "8";
    private static final String RELEASE_TEST = "17";
    private static final String SNAPSHOT = "stubs/wmpf-cli-2.2.0.javap.txt";
    private static final String ANDROID_NS = "http://schemas.android.com/apk/res/android";

    private final Path root;
    private final Path work;
    private final JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    private int mutantsRejected;

    HostCheck(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path root = locateModule();
        Path work = Files.createTempDirectory("host-check");
        boolean ok = false;
        try {
            HostCheck check = new HostCheck(root, work);
            if (args.length > 0 && args[0].equals("--write-snapshot")) {
                check.writeSnapshot(requireAar());
                ok = true;
                return;
            }
            check.run();
            ok = true;
        } catch (CheckFailed failure) {
            System.out.println();
            System.out.println("host:check FAILED: " + failure.getMessage());
        } finally {
            deleteTree(work);
            if (ok) System.out.printf("%nhost:check passed in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        if (!ok) System.exit(1);
    }

    private void run() throws Exception {
        Path stubs = work.resolve("stubs");
        Path core = work.resolve("core");
        Path app = work.resolve("app");
        Path tests = work.resolve("test");

        step("1. main sources use only Java APIs that Android 5 (API 21) has");
        checkAndroidApiLevel();

        step("2. compile (--release " + RELEASE_MAIN + " -Werror -Xlint:all)");
        compileOrFail("stubs (wmpf-cli 2.2.0 subset + Android types)", sources("stubs/java"), List.of(), stubs,
                RELEASE_MAIN);
        compileOrFail("core, plain Java, no stub on the class path", sources("src/main/java/com/familycall/host/core"),
                List.of(), core, RELEASE_MAIN);
        compileOrFail("adapters (provider, application, WMPF gateway) against the stubs",
                sources("src/main/java/com/familycall/host/app"), List.of(stubs, core), app, RELEASE_MAIN);
        compileOrFail("tests (--release " + RELEASE_TEST + ")", sources("src/test/java"), List.of(core), tests,
                RELEASE_TEST);

        step("3. plain-Java tests (class path: core + tests only)");
        runTests(core, tests);

        step("4. stubs declare nothing that wmpf-cli 2.2.0 lacks (" + SNAPSHOT + ")");
        checkStubsAgainstSnapshot(stubs);

        step("5. AndroidManifest.xml");
        checkManifest(stubs, core, app);

        step("6. mutants: javac must reject each one");
        runMutants(List.of(stubs, core, app));

        String aar = System.getenv("WMPF_CLI_AAR");
        if (aar != null && !aar.isEmpty()) {
            step("7. compile against the real AAR (" + aar + ")");
            compileAgainstRealAar(Paths.get(aar));
            endStep();
        } else {
            endStep();
            System.out.println("\n(set WMPF_CLI_AAR=/path/to/wmpf-cli-2.2.0.aar to also compile against the real AAR)");
        }
    }

    // ---------------------------------------------------------------------------------------------------- 1. API 21

    /** Java 8 APIs that Android only has from API 24 (or 26): --release 8 lets them through, so they are looked for. */
    private static final Pattern ANDROID_24_PLUS = Pattern.compile(
            "\\bjava\\.util\\.(function|stream)\\b|\\bjava\\.util\\.(Optional|Base64)\\b|\\bjava\\.time\\b"
                    + "|\\.(forEach|computeIfAbsent|computeIfPresent|getOrDefault|putIfAbsent|removeIf|stream|"
                    + "accumulateAndGet|updateAndGet)\\(");

    private void checkAndroidApiLevel() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path file : sources("src/main/java")) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).trim();
                if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) continue;
                if (ANDROID_24_PLUS.matcher(code.replaceAll("//.*$", "")).find()) hits.add(rel(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
            }
        }
        if (!hits.isEmpty()) throw new CheckFailed("API 24+ Java APIs in main sources:\n  " + String.join("\n  ", hits));
        ok("no java.util.function/stream/Optional/Base64, java.time or API 24+ collection methods");
    }

    // --------------------------------------------------------------------------------------------------- 2. compile

    private record Compiled(boolean ok, String diagnostics) {
    }

    private Compiled compile(List<Path> files, List<Path> classpath, Path out, String release) throws IOException {
        Files.createDirectories(out);
        List<String> options = new ArrayList<>(List.of("--release", release, "-Werror", "-Xlint:all", "-proc:none",
                "-encoding", "UTF-8", "-d", out.toString()));
        if (!classpath.isEmpty()) {
            options.add("-cp");
            options.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        }
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files2 = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(new PrintWriter(diagnostics), files2, null, options, null,
                    files2.getJavaFileObjectsFromPaths(files)).call();
            return new Compiled(ok, diagnostics.toString());
        }
    }

    private void compileOrFail(String what, List<Path> files, List<Path> classpath, Path out, String release)
            throws IOException {
        Compiled result = compile(files, classpath, out, release);
        if (!result.ok()) throw new CheckFailed("compile " + what + ":\n" + result.diagnostics());
        ok(what + ": " + files.size() + " files");
    }

    // ----------------------------------------------------------------------------------------------------- 3. tests

    private void runTests(Path core, Path tests) throws IOException, InterruptedException {
        String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-cp", core + java.io.File.pathSeparator + tests,
                "com.familycall.host.core.HostTests").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        for (String line : output.split("\n")) {
            if (!line.isEmpty()) System.out.println("   " + line);
        }
        if (exit != 0) throw new CheckFailed("plain-Java tests failed (exit " + exit + ")");
    }

    // ------------------------------------------------------------------------------------------ 4. stubs vs the AAR

    /** One class as javap -v -public prints it, reduced to what a stub must agree with. */
    private record ApiClass(String name, String header, boolean deprecated, List<String> members) {
        /** "public final class a.B" without its supertypes, which a stub may leave out. */
        String base() {
            return header.replaceAll(" (extends|implements) .*$", "");
        }

        String extendsClause() {
            Matcher m = Pattern.compile(" extends (.*?)(?: implements .*)?$").matcher(header);
            return m.find() ? m.group(1) : null;
        }

        String render() {
            StringBuilder out = new StringBuilder("class " + header + (deprecated ? " @Deprecated" : "") + "\n");
            for (String member : members) out.append("  ").append(member).append('\n');
            return out.toString();
        }
    }

    private void checkStubsAgainstSnapshot(Path stubs) throws IOException {
        Map<String, ApiClass> real = readSnapshot(root.resolve(SNAPSHOT));
        List<String> problems = new ArrayList<>();
        int members = 0;
        List<String> names = wmpfClassNames(stubs);
        for (String name : names) {
            ApiClass stub = javap(stubs, name);
            ApiClass truth = real.get(name);
            if (truth == null) {
                problems.add(name + ": not in the snapshot (regenerate it with --write-snapshot)");
                continue;
            }
            if (!stub.base().equals(truth.base())) problems.add(name + ": declared as <" + stub.base() + ">, real <" + truth.base() + ">");
            String stubExtends = stub.extendsClause();
            if (stubExtends != null && !stubExtends.startsWith("java.lang.") && !stubExtends.equals(truth.extendsClause())) {
                problems.add(name + ": extends <" + stubExtends + ">, real <" + truth.extendsClause() + ">");
            }
            if (stub.deprecated() != truth.deprecated()) problems.add(name + ": @Deprecated differs from the real class");
            for (String member : stub.members()) {
                members++;
                if (!truth.members().contains(member)) problems.add(name + ": <" + member + "> is not in wmpf-cli 2.2.0");
            }
        }
        if (!problems.isEmpty()) throw new CheckFailed("stubs differ from wmpf-cli 2.2.0:\n  " + String.join("\n  ", problems));
        ok(names.size() + " classes, " + members + " members: each one is in wmpf-cli 2.2.0, deprecation included");
    }

    private List<String> wmpfClassNames(Path classes) throws IOException {
        Path base = classes.resolve("com/tencent");
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
                    .sorted().collect(Collectors.toList());
        }
    }

    private ApiClass javap(Path classpath, String name) {
        java.util.spi.ToolProvider javap = java.util.spi.ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = javap.run(new PrintWriter(out), new PrintWriter(out), "-v", "-public", "-cp", classpath.toString(), name);
        if (exit != 0) throw new CheckFailed("javap " + name + ": " + out);
        return parseJavap(name, out.toString());
    }

    /** Header, class-level @Deprecated, and each member's declaration (+ @Deprecated, + constant value). */
    private static ApiClass parseJavap(String name, String text) {
        String header = null;
        boolean deprecated = false;
        boolean inBody = false;
        boolean afterBody = false;
        List<String> members = new ArrayList<>();
        StringBuilder member = null;
        for (String line : text.split("\n")) {
            if (header == null && line.matches("^(public |protected )?.*\\b(class|interface|enum) " + Pattern.quote(name) + "\\b.*")) {
                header = line.replaceAll("\\s*\\{\\s*$", "").trim();
            } else if (line.equals("{")) {
                inBody = true;
            } else if (inBody && line.equals("}")) {
                if (member != null) members.add(member.toString());
                inBody = false;
                afterBody = true;
            } else if (inBody && line.matches("^  \\S.*")) {
                if (member != null) members.add(member.toString());
                member = new StringBuilder(line.trim());
            } else if (inBody && member != null && line.trim().equals("Deprecated: true")) {
                member.append(" @Deprecated");
            } else if (inBody && member != null && line.trim().startsWith("ConstantValue: ")) {
                member.append(" = ").append(line.trim().substring("ConstantValue: ".length()));
            } else if (afterBody && line.equals("Deprecated: true")) {
                deprecated = true;
            }
        }
        if (header == null) throw new CheckFailed("javap " + name + ": no class header");
        return new ApiClass(name, header, deprecated, members);
    }

    private static Map<String, ApiClass> readSnapshot(Path file) throws IOException {
        Map<String, ApiClass> classes = new LinkedHashMap<>();
        String header = null;
        boolean deprecated = false;
        List<String> members = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            if (line.startsWith("class ")) {
                if (header != null) put(classes, header, deprecated, members);
                deprecated = line.endsWith(" @Deprecated");
                header = line.substring("class ".length()).replaceAll(" @Deprecated$", "");
                members = new ArrayList<>();
            } else if (members != null) {
                members.add(line.trim());
            }
        }
        if (header != null) put(classes, header, deprecated, members);
        return classes;
    }

    private static void put(Map<String, ApiClass> classes, String header, boolean deprecated, List<String> members) {
        Matcher m = Pattern.compile("\\b(?:class|interface|enum) ([\\w.$]+)").matcher(header);
        if (!m.find()) throw new CheckFailed("snapshot: unreadable header " + header);
        classes.put(m.group(1), new ApiClass(m.group(1), header, deprecated, members));
    }

    /** --write-snapshot: the real API of every class the stubs declare, from the AAR's classes.jar. */
    private void writeSnapshot(Path aar) throws IOException {
        Path stubs = work.resolve("stubs");
        compileOrFail("stubs", sources("stubs/java"), List.of(), stubs, RELEASE_MAIN);
        Path classesJar = extractAar(aar).get(0);
        StringBuilder out = new StringBuilder();
        out.append("# The public API of wmpf-cli 2.2.0 for every class host-android/stubs declares: `javap -v -public`\n")
                .append("# of classes.jar in wmpf-cli-2.2.0.aar (github.com/wmpf/wmpf_demo_external, wmpf-demo/app/libs),\n")
                .append("# reduced to declarations, @Deprecated and constant values. HostCheck (step 4) fails when a stub\n")
                .append("# declares anything not listed here. Regenerate: WMPF_CLI_AAR=<aar> java tools/HostCheck.java --write-snapshot\n");
        for (String name : wmpfClassNames(stubs)) out.append('\n').append(javap(classesJar, name).render());
        Files.writeString(root.resolve(SNAPSHOT), out.toString());
        ok("wrote " + SNAPSHOT);
    }

    // -------------------------------------------------------------------------------------------------- 5. manifest

    private void checkManifest(Path stubs, Path core, Path app) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document manifest = factory.newDocumentBuilder().parse(root.resolve("src/main/AndroidManifest.xml").toFile());
        URL[] urls = {stubs.toUri().toURL(), core.toUri().toURL(), app.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Element application = only(manifest, "application");
            Class<?> appClass = load(loader, attr(application, "name"));
            requireSubclass(appClass, load(loader, "android.app.Application"));

            // <queries> holds a <provider> too: take the one under <application>.
            NodeList providers = application.getElementsByTagName("provider");
            if (providers.getLength() != 1) throw new CheckFailed("manifest: one <provider> expected under <application>");
            Element provider = (Element) providers.item(0);
            Class<?> providerClass = load(loader, attr(provider, "name"));
            requireSubclass(providerClass, load(loader, "com.tencent.wmpf.app.WMPFClientProvider"));
            requireSubclass(providerClass, load(loader, "com.tencent.wmpf.app.WMPFClientProvider$InvokeChannelDelegate"));
            expectAttr(provider, "authorities", "com.tencent.wmpf.cli.provider");
            expectAttr(provider, "exported", "true");

            NodeList receivers = application.getElementsByTagName("receiver");
            if (receivers.getLength() != 1) throw new CheckFailed("manifest: one <receiver> (the boot receiver) expected");
            Element receiver = (Element) receivers.item(0);
            requireSubclass(load(loader, attr(receiver, "name")), load(loader, "android.content.BroadcastReceiver"));
            expectAttr(receiver, "exported", "true");
            if (!hasChildWith(receiver, "action", "name", "android.intent.action.BOOT_COMPLETED")) {
                throw new CheckFailed("manifest: the receiver must handle android.intent.action.BOOT_COMPLETED");
            }
            if (!hasChildWith(manifest.getDocumentElement(), "uses-permission", "name",
                    "android.permission.RECEIVE_BOOT_COMPLETED")) {
                throw new CheckFailed("manifest: <uses-permission android.permission.RECEIVE_BOOT_COMPLETED> missing");
            }
            for (String meta : List.of("com.familycall.host.MINI_PROGRAM_APP_ID", "com.familycall.host.BACKEND_BASE_URL")) {
                if (!hasChildWith(application, "meta-data", "name", meta)) {
                    throw new CheckFailed("manifest: <meta-data android:name=\"" + meta + "\"> missing (HostRuntime reads it)");
                }
            }

            Element queries = only(manifest, "queries");
            if (!hasChildWith(queries, "package", "name", "com.tencent.wmpf")
                    || !hasChildWith(queries, "provider", "authorities", "com.tencent.wmpf.comm.provider")) {
                throw new CheckFailed("manifest: <queries> must name package com.tencent.wmpf and provider com.tencent.wmpf.comm.provider");
            }
            ok("provider " + providerClass.getSimpleName() + " (authority com.tencent.wmpf.cli.provider, exported), application "
                    + appClass.getSimpleName() + ", boot receiver + RECEIVE_BOOT_COMPLETED, config meta-data, queries for WMPF");
        }
    }

    private static Element only(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        if (nodes.getLength() == 0) throw new CheckFailed("manifest: no <" + tag + ">");
        return (Element) nodes.item(0);
    }

    private static String attr(Element element, String name) {
        String value = element.getAttributeNS(ANDROID_NS, name);
        if (value.isEmpty()) throw new CheckFailed("manifest: <" + element.getTagName() + "> has no android:" + name);
        return value;
    }

    private static void expectAttr(Element element, String name, String expected) {
        if (!expected.equals(attr(element, name))) {
            throw new CheckFailed("manifest: <" + element.getTagName() + " android:" + name + "> must be " + expected);
        }
    }

    private static boolean hasChildWith(Element parent, String tag, String attrName, String value) {
        if (parent == null) return false;
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (value.equals(((Element) nodes.item(i)).getAttributeNS(ANDROID_NS, attrName))) return true;
        }
        return false;
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new CheckFailed("manifest: class " + name + " is not compiled in the module");
        }
    }

    private static void requireSubclass(Class<?> type, Class<?> parent) {
        if (!parent.isAssignableFrom(type)) throw new CheckFailed("manifest: " + type.getName() + " is not a " + parent.getName());
    }

    // --------------------------------------------------------------------------------------------------- 6. mutants

    private enum Kind {
        /** Remove the method declared with this name (with its annotations and Javadoc). */
        REMOVE_METHOD,
        /** Rename the first {@code .name} (a call or a field access) to a name that does not exist. */
        RENAME_MEMBER,
        /** Rename the declaration of this overriding method. */
        RENAME_OVERRIDE,
        /** Replace text (e.g. an import's package). */
        REPLACE
    }

    private record Mutant(String file, Kind kind, String target, String replacement, String expectedError) {
        String describe() {
            return switch (kind) {
                case REMOVE_METHOD -> "remove " + target + "()";
                case RENAME_MEMBER -> "rename ." + target;
                case RENAME_OVERRIDE -> "misspell override " + target + "()";
                case REPLACE -> "replace " + target.trim() + " -> " + replacement.trim();
            };
        }
    }

    private static final String APP = "src/main/java/com/familycall/host/app/";
    private static final String NO_OVERRIDE = "does not override abstract method ";
    private static final String NO_SYMBOL = "cannot find symbol";

    private static List<Mutant> mutants() {
        List<Mutant> list = new ArrayList<>();
        String provider = APP + "FamilyCallClientProvider.java";
        for (String method : List.of("registerEvent", "unregisterEvent", "invoke", "invokeSync", "onCreate")) {
            list.add(new Mutant(provider, Kind.REMOVE_METHOD, method, null, NO_OVERRIDE + method));
        }
        list.add(new Mutant(provider, Kind.RENAME_OVERRIDE, "invokeSync", null, "does not override or implement"));
        list.add(new Mutant(provider, Kind.REPLACE, "setInvokeChannelDelegate(this)", "setInvokeChannelDelegates(this)",
                NO_SYMBOL));
        list.add(new Mutant(provider, Kind.RENAME_MEMBER, "consume", null, NO_SYMBOL));
        String gateway = APP + "WmpfCliGateway.java";
        list.add(new Mutant(gateway, Kind.REMOVE_METHOD, "onInvoke", null, NO_OVERRIDE + "onInvoke"));
        list.add(new Mutant(gateway, Kind.REMOVE_METHOD, "onPushMsg", null, NO_OVERRIDE + "onPushMsg"));
        list.add(new Mutant(gateway, Kind.RENAME_OVERRIDE, "onWMPFRestart", null, "does not override or implement"));
        for (String member : List.of("getInstance", "getMiniProgramDeviceApi", "getMiniProgramDeviceInfo", "isRegistered",
                "getSn", "getModelId", "prefetchDeviceToken", "errMsg", "registerMiniProgramDevice", "code",
                "getMiniProgramApi", "launchMiniProgram", "closeWxaApp", "values", "getDeviceApi",
                "registerPushMsgEventListener", "getMessage", "setPushMsgCallback", "addWMPFLifecycleListener",
                "getErrType", "getErrCode", "getErrMsg", "registerDeviceActivationOutdatedEventListener",
                "getWMPFDevice", "getDeviceId", "isDeviceActivated", "activateDevice", "wakeupWMPFIfNeed",
                "getPushToken", "pushToken", "expireTimestamp")) {
            list.add(new Mutant(gateway, Kind.RENAME_MEMBER, member, null, NO_SYMBOL));
        }
        list.add(new Mutant(gateway, Kind.REPLACE, "import com.tencent.wmpf.proto.WMPFPrefetchDeviceTokenResponse;",
                "import com.tencent.wmpf.cli.api.WMPFPrefetchDeviceTokenResponse;", NO_SYMBOL));
        list.add(new Mutant(gateway, Kind.REPLACE, "import com.tencent.wmpf.cli.model.protocol.WMPFGetMiniProgramDeviceInfoResponse;",
                "import com.tencent.wmpf.cli.model.WMPFGetMiniProgramDeviceInfoResponse;", NO_SYMBOL));
        list.add(new Mutant(gateway, Kind.REPLACE, "@SuppressWarnings(\"deprecation\")", "", "has been deprecated"));
        list.add(new Mutant(gateway, Kind.REPLACE, "public void onInvoke(IPCVoid nothing)",
                "public void onInvoke(Object nothing)", "does not override or implement"));
        list.add(new Mutant(gateway, Kind.REPLACE, "import com.tencent.wmpf.proto.WMPFPushTokenResponse;",
                "import com.tencent.wmpf.cli.model.WMPFPushTokenResponse;", NO_SYMBOL));
        String boot = APP + "BootReceiver.java";
        list.add(new Mutant(boot, Kind.REMOVE_METHOD, "onReceive", null, NO_OVERRIDE + "onReceive"));
        list.add(new Mutant(boot, Kind.RENAME_MEMBER, "ACTION_BOOT_COMPLETED", null, NO_SYMBOL));
        list.add(new Mutant(APP + "FamilyCallApplication.java", Kind.REPLACE, "device.keyVersion, device.deviceId",
                "device.deviceId, device.keyVersion", "incompatible types"));
        String version = APP + "WmpfPackageVersion.java";
        for (String member : List.of("getPackageManager", "getApplicationInfo", "metaData", "getString", "WMPF_APP_PACKAGE_NAME")) {
            list.add(new Mutant(version, Kind.RENAME_MEMBER, member, null, NO_SYMBOL));
        }
        list.add(new Mutant(APP + "HostRuntime.java", Kind.RENAME_MEMBER, "notifyInvokeChannelEvent", null, NO_SYMBOL));
        list.add(new Mutant(APP + "HostRuntime.java", Kind.RENAME_MEMBER, "getSharedPreferences", null, NO_SYMBOL));
        list.add(new Mutant(APP + "FamilyCallApplication.java", Kind.RENAME_MEMBER, "init", null, NO_SYMBOL));
        for (String member : List.of("getString", "edit", "putString", "commit")) {
            list.add(new Mutant(APP + "PreferencesStore.java", Kind.RENAME_MEMBER, member, null, NO_SYMBOL));
        }
        return list;
    }

    private void runMutants(List<Path> classpath) throws IOException {
        Map<String, Boolean> controlled = new LinkedHashMap<>();
        Path mutantDir = work.resolve("mutants");
        int n = 0;
        for (Mutant mutant : mutants()) {
            Path original = root.resolve(mutant.file());
            String source = Files.readString(original);
            if (controlled.putIfAbsent(mutant.file(), true) == null) {
                // The unmutated file, compiled alone the same way, must pass: a failure below is the mutant's.
                Compiled control = compileAlone(mutantDir.resolve("control-" + n), original.getFileName().toString(), source, classpath);
                if (!control.ok()) throw new CheckFailed("control compile of " + mutant.file() + " failed:\n" + control.diagnostics());
            }
            String mutated = mutate(source, mutant);
            Compiled result = compileAlone(mutantDir.resolve("m" + n++), original.getFileName().toString(), mutated, classpath);
            String label = original.getFileName() + ": " + mutant.describe();
            if (result.ok()) throw new CheckFailed("mutant compiled (javac should have rejected it): " + label);
            if (!result.diagnostics().contains(mutant.expectedError())) {
                throw new CheckFailed("mutant rejected for another reason than <" + mutant.expectedError() + ">: " + label
                        + "\n" + result.diagnostics());
            }
            mutantsRejected++;
            System.out.println("   rejected  " + label + "  (" + firstError(result.diagnostics()) + ")");
        }
        ok(mutantsRejected + " mutants, every one rejected by javac; " + controlled.size() + " control compiles passed");
    }

    private Compiled compileAlone(Path dir, String fileName, String source, List<Path> classpath) throws IOException {
        Path src = dir.resolve("src").resolve(fileName);
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        return compile(List.of(src), classpath, dir.resolve("out"), RELEASE_MAIN);
    }

    private static String mutate(String source, Mutant mutant) {
        String code = maskComments(source);
        String mutated = switch (mutant.kind()) {
            case REMOVE_METHOD -> removeMethod(source, code, mutant.target());
            case RENAME_MEMBER -> replaceFirstInCode(source, code, "\\.(" + Pattern.quote(mutant.target()) + ")\\b",
                    "." + mutant.target() + "Renamed");
            case RENAME_OVERRIDE -> replaceFirstInCode(source, code, "\\b" + Pattern.quote(mutant.target()) + "(?=\\s*\\()",
                    mutant.target() + "d", "\\b(?:void|String|boolean)\\s+$");
            case REPLACE -> replaceFirstInCode(source, code, Pattern.quote(mutant.target()), mutant.replacement());
        };
        if (mutated.equals(source)) throw new CheckFailed("mutant target not found (update HostCheck): " + mutant.file() + ": " + mutant.describe());
        return mutated;
    }

    /** The source with every comment blanked out (same length), so that mutations only ever touch code. */
    private static String maskComments(String source) {
        StringBuilder code = new StringBuilder(source);
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(source, i);
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                for (int j = i; j < (end < 0 ? source.length() : end); j++) code.setCharAt(j, ' ');
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2) + 2;
                for (int j = i; j < end; j++) if (source.charAt(j) != '\n') code.setCharAt(j, ' ');
                i = end - 1;
            }
        }
        return code.toString();
    }

    /** Replaces the first match found in the masked code (optionally only where the text before it matches too). */
    private static String replaceFirstInCode(String source, String code, String regex, String replacement, String... before) {
        Matcher match = Pattern.compile(regex).matcher(code);
        while (match.find()) {
            if (before.length == 0 || Pattern.compile(before[0]).matcher(code.substring(0, match.start())).find()) {
                return source.substring(0, match.start()) + replacement + source.substring(match.end());
            }
        }
        return source;
    }

    /** Cuts the declaration of {@code name} (modifiers up to its closing brace), its annotations and Javadoc. */
    private static String removeMethod(String source, String code, String name) {
        Matcher declaration = Pattern.compile("(?m)^[ \\t]*(?:public|protected|private)[\\w\\s<>\\[\\],?]*?\\b"
                + Pattern.quote(name) + "\\s*\\(").matcher(code);
        if (!declaration.find()) return source;
        int start = declaration.start();
        // Walk back over annotations and a Javadoc right above it.
        while (true) {
            int lineStart = source.lastIndexOf('\n', start - 2) + 1;
            String above = source.substring(lineStart, start).trim();
            if (above.startsWith("@") || above.startsWith("/**") || above.startsWith("*") || above.endsWith("*/")) {
                start = lineStart;
            } else {
                break;
            }
        }
        int open = code.indexOf('{', declaration.end());
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(source, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                int end = source.indexOf('\n', i);
                return source.substring(0, start) + source.substring(end < 0 ? source.length() : end + 1);
            }
        }
        throw new CheckFailed("unbalanced braces after " + name);
    }

    private static int skipLiteral(String source, int open) {
        char quote = source.charAt(open);
        for (int i = open + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') i++;
            else if (c == quote) return i;
        }
        return source.length();
    }

    private static String firstError(String diagnostics) {
        for (String line : diagnostics.split("\n")) {
            int at = line.indexOf("error: ");
            if (at >= 0) return line.substring(at + "error: ".length()).trim();
        }
        return diagnostics.trim();
    }

    // ---------------------------------------------------------------------------------------------- 7. the real AAR

    private void compileAgainstRealAar(Path aar) throws IOException {
        List<Path> jars = extractAar(aar);
        Path android = work.resolve("android-only");
        compileOrFail("Android stubs alone", sources("stubs/java/android"), List.of(), android, RELEASE_MAIN);
        List<Path> classpath = new ArrayList<>(jars);
        classpath.add(0, android);
        compileOrFail("module against wmpf-cli's real classes.jar", sources("src/main/java"), classpath,
                work.resolve("real"), RELEASE_MAIN);
    }

    private static Path requireAar() {
        String aar = System.getenv("WMPF_CLI_AAR");
        if (aar == null || aar.isEmpty()) throw new CheckFailed("--write-snapshot needs WMPF_CLI_AAR=/path/to/wmpf-cli-2.2.0.aar");
        return Paths.get(aar);
    }

    /** classes.jar first, then the AAR's libs/*.jar. */
    private List<Path> extractAar(Path aar) throws IOException {
        Path dir = work.resolve("aar");
        List<Path> jars = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(aar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!name.equals("classes.jar") && !(name.startsWith("libs/") && name.endsWith(".jar"))) continue;
                Path target = dir.resolve(name.replace('/', '_'));
                Files.createDirectories(dir);
                Files.write(target, readAll(zip));
                if (name.equals("classes.jar")) jars.add(0, target);
                else jars.add(target);
            }
        }
        if (jars.isEmpty() || !jars.get(0).getFileName().toString().equals("classes.jar")) {
            throw new CheckFailed(aar + " holds no classes.jar");
        }
        return jars;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private List<Path> sources(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(dir))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    private String rel(Path file) {
        return root.relativize(file).toString();
    }

    private static long stepStart;

    private static void step(String title) {
        endStep();
        stepStart = System.nanoTime();
        System.out.println();
        System.out.println(title);
    }

    private static void endStep() {
        if (stepStart != 0) System.out.printf("   (%.1f s)%n", (System.nanoTime() - stepStart) / 1e9);
        stepStart = 0;
    }

    private static void ok(String message) {
        System.out.println("   ok  " + message);
    }

    /** The module directory, from the repository root (npm) or from inside host-android. */
    private static Path locateModule() {
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path candidate : List.of(cwd.resolve("host-android"), cwd)) {
            if (Files.isDirectory(candidate.resolve("stubs/java")) && Files.isDirectory(candidate.resolve("src/main/java"))) {
                return candidate;
            }
        }
        throw new CheckFailed("run from the repository root or from host-android/");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) Files.delete(p);
        }
    }

    static final class CheckFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckFailed(String message) {
            super(message);
        }
    }
}
