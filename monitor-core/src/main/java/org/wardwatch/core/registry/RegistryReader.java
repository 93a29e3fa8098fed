package org.wardwatch.core.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.wardwatch.core.config.ConfigException;
import org.wardwatch.core.config.YamlLines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a registry file, YAML ({@code organisations:} with nested {@code accounts:}) or CSV (the
 * columns DESIGN.md lists). Every problem is reported as {@code file:line: what}, all of them at
 * once, and nothing is returned unless the whole file is right.
 */
public final class RegistryReader {
    private static final Set<String> ORG_KEYS = Set.of("name", "ods", "kind", "commsEmail", "igEmail", "accounts");
    private static final Set<String> ACCOUNT_KEYS = Set.of("name", "kind", "serviceType", "platform", "handle",
            "baseUrl", "active", "monitoringBasis");
    static final List<String> CSV_REQUIRED = List.of("organisation", "ods_code", "account", "kind", "platform", "handle");

    private RegistryReader() {
    }

    public static RegistryFile read(Path file) throws ConfigException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file + ": unreadable: " + e.getMessage());
        }
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? parseCsv(text, name) : parseYaml(text, name);
    }

    public static RegistryFile parseYaml(String text, String file) throws ConfigException {
        YamlLines yaml = YamlLines.parse(text, file);
        Problems problems = new Problems(file);
        List<Organisation> orgs = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        JsonNode root = yaml.root();
        if (!root.isObject() || !root.has("organisations") || !root.get("organisations").isArray()) {
            problems.add(1, "expected a list under 'organisations:'");
            throw problems.exception();
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!k.equals("organisations")) problems.add(yaml.line(k), "unknown key '" + k + "'");
        });
        JsonNode list = root.get("organisations");
        for (int i = 0; i < list.size(); i++) {
            String path = "organisations[" + i + "]";
            JsonNode o = list.get(i);
            int line = yaml.line(path);
            if (!o.isObject()) {
                problems.add(line, "an organisation must be a mapping with name, ods, kind, commsEmail, accounts");
                continue;
            }
            unknownKeys(o, ORG_KEYS, path, yaml, problems);
            String name = text(o, "name");
            String ods = text(o, "ods") == null ? null : text(o, "ods").toUpperCase(Locale.ROOT);
            if (name == null) problems.add(line, "organisation without a name");
            if (ods == null) problems.add(line, "organisation " + quote(name) + " has no ODS code ('ods:')");
            OrganisationKind kind = OrganisationKind.NHS_TRUST;
            if (text(o, "kind") != null) {
                kind = OrganisationKind.parse(text(o, "kind")).orElse(null);
                if (kind == null) problems.add(yaml.line(path + ".kind"),
                        "unknown organisation kind '" + text(o, "kind") + "' (expected nhs_trust or independent)");
            }
            String comms = email(o, "commsEmail", path, yaml, problems);
            String ig = email(o, "igEmail", path, yaml, problems);
            if (name != null && ods != null && kind != null) {
                orgs.add(new Organisation(null, name, ods, kind, comms, ig, List.of()));
            }
            JsonNode accs = o.get("accounts");
            if (accs == null) continue;
            if (!accs.isArray()) {
                problems.add(yaml.line(path + ".accounts"), "'accounts' must be a list");
                continue;
            }
            for (int j = 0; j < accs.size(); j++) {
                String apath = path + ".accounts[" + j + "]";
                JsonNode a = accs.get(j);
                if (!a.isObject()) {
                    problems.add(yaml.line(apath), "an account must be a mapping with kind, platform, handle");
                    continue;
                }
                unknownKeys(a, ACCOUNT_KEYS, apath, yaml, problems);
                Map<String, String> fields = new LinkedHashMap<>();
                Map<String, Integer> lines = new LinkedHashMap<>();
                for (String key : ACCOUNT_KEYS) {
                    fields.put(key, text(a, key));
                    lines.put(key, yaml.line(apath + "." + key));
                }
                Account acc = account(ods, fields, lines, yaml.line(apath), problems);
                if (acc != null) accounts.add(acc);
            }
        }
        duplicates(accounts, problems, null);
        if (!problems.isEmpty()) throw problems.exception();
        return new RegistryFile(orgs, accounts);
    }

    public static RegistryFile parseCsv(String text, String file) throws ConfigException {
        Problems problems = new Problems(file);
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withNullValue("");
        Map<String, Organisation> orgs = new LinkedHashMap<>();
        List<Account> accounts = new ArrayList<>();
        Map<Account, Integer> accountLines = new LinkedHashMap<>();
        try (Reader reader = new StringReader(text);
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(reader)) {
            CsvSchema header = (CsvSchema) rows.getParserSchema();
            Set<String> columns = new LinkedHashSet<>();
            if (header != null) header.forEach(c -> columns.add(c.getName().trim()));
            List<String> missing = CSV_REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(1, "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                        + " (the header row needs: " + String.join(", ", CSV_REQUIRED) + ")");
                throw problems.exception();
            }
            while (true) {
                Map<String, String> row;
                int line;
                try {
                    if (!rows.hasNextValue()) break;
                    row = trimKeys(rows.nextValue());
                    line = rows.getParser().currentTokenLocation().getLineNr();
                } catch (RuntimeException e) {
                    problems.add(rows.getCurrentLocation().getLineNr(), "unreadable row: " + firstLine(e.getMessage()));
                    break;
                }
                if (row.values().stream().allMatch(v -> v == null || v.isBlank())) continue;
                String ods = row.get("ods_code");
                String orgName = row.get("organisation");
                if (ods == null || orgName == null) {
                    problems.add(line, "organisation and ods_code are required");
                    continue;
                }
                ods = ods.strip().toUpperCase(Locale.ROOT);
                String comms = row.get("comms_email");
                if (comms != null && !comms.contains("@")) problems.add(line, "comms_email '" + comms + "' is not an email address");
                Organisation existing = orgs.get(ods);
                if (existing == null || (existing.commsEmail() == null && comms != null)) {
                    orgs.put(ods, new Organisation(null, orgName.strip(), ods, OrganisationKind.NHS_TRUST,
                            comms == null || !comms.contains("@") ? null : comms.strip(),
                            blank(row.get("ig_email")), List.of()));
                }
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("name", row.get("account"));
                fields.put("kind", row.get("kind"));
                fields.put("serviceType", row.get("service_type"));
                fields.put("platform", row.get("platform"));
                fields.put("handle", row.get("handle"));
                fields.put("baseUrl", row.get("base_url"));
                fields.put("active", row.get("active"));
                fields.put("monitoringBasis", row.get("monitoring_basis"));
                Map<String, Integer> lines = new LinkedHashMap<>();
                for (String k : fields.keySet()) lines.put(k, line);
                Account acc = account(ods, fields, lines, line, problems);
                if (acc != null) {
                    accounts.add(acc);
                    accountLines.put(acc, line);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(0, "unreadable CSV: " + firstLine(e.getMessage()));
        }
        duplicates(accounts, problems, accountLines);
        if (!problems.isEmpty()) throw problems.exception();
        return new RegistryFile(new ArrayList<>(orgs.values()), accounts);
    }

    private static Account account(String ods, Map<String, String> f, Map<String, Integer> lines, int line,
                                   Problems problems) {
        boolean ok = ods != null;
        AccountKind kind = null;
        if (f.get("kind") == null) {
            problems.add(line, "account " + quote(f.get("name")) + " has no kind (expected " + AccountKind.names() + ")");
            ok = false;
        } else {
            kind = AccountKind.parse(f.get("kind")).orElse(null);
            if (kind == null) {
                problems.add(lines.get("kind"), "unknown account kind '" + f.get("kind") + "' (expected " + AccountKind.names() + ")");
                ok = false;
            }
        }
        Platform platform = null;
        if (f.get("platform") == null) {
            problems.add(line, "account " + quote(f.get("name")) + " has no platform (expected " + Platform.names() + ")");
            ok = false;
        } else {
            platform = Platform.parse(f.get("platform")).orElse(null);
            if (platform == null) {
                problems.add(lines.get("platform"), "unknown platform '" + f.get("platform") + "' (expected " + Platform.names() + ")");
                ok = false;
            }
        }
        String handle = f.get("handle");
        if (handle == null) {
            problems.add(line, "account " + quote(f.get("name")) + " has no handle");
            ok = false;
        } else if (platform != null) {
            String why = HandleRules.check(platform, handle.strip());
            if (why != null) {
                problems.add(lines.get("handle"), why);
                ok = false;
            }
        }
        String baseUrl = f.get("baseUrl");
        if (baseUrl != null && !baseUrl.isBlank() && !baseUrl.strip().matches("(?i)https?://\\S+")) {
            problems.add(lines.get("baseUrl"), "baseUrl '" + baseUrl + "' is not an http(s) URL");
            ok = false;
        }
        boolean active = true;
        String activeText = f.get("active");
        if (activeText != null) {
            switch (activeText.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> active = true;
                case "false", "no", "0" -> active = false;
                default -> {
                    problems.add(lines.get("active"), "active must be true or false, not '" + activeText + "'");
                    ok = false;
                }
            }
        }
        if (!ok) return null;
        return new Account(null, ods, f.get("name"), kind, f.get("serviceType"), platform, handle.strip(),
                baseUrl == null ? null : baseUrl.strip().replaceAll("/+$", ""), active, f.get("monitoringBasis"));
    }

    private static void duplicates(List<Account> accounts, Problems problems, Map<Account, Integer> lines) {
        Set<String> seen = new LinkedHashSet<>();
        for (Account a : accounts) {
            if (!seen.add(a.key())) {
                problems.add(lines == null ? 0 : lines.getOrDefault(a, 0),
                        "account " + a.platform().id() + " " + a.handle() + " is listed twice");
            }
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String path, YamlLines yaml, Problems problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(yaml.line(path + "." + k), "unknown key '" + k + "' (expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String email(JsonNode o, String key, String path, YamlLines yaml, Problems problems) {
        String v = text(o, key);
        if (v != null && !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(yaml.line(path + "." + key), key + " '" + v + "' is not an email address");
            return null;
        }
        return v;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s.strip();
    }

    private static Map<String, String> trimKeys(Map<String, String> row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.trim(), v == null || v.isBlank() ? null : v.strip()));
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String quote(String s) {
        return s == null ? "(unnamed)" : "'" + s + "'";
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static final class Problems {
        private final String file;
        private final List<String> lines = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(int line, String what) {
            lines.add(file + ":" + line + ": " + what);
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }

        ConfigException exception() {
            return new ConfigException(lines);
        }
    }
}
