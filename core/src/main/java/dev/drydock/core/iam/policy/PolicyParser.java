package dev.drydock.core.iam.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.core.iam.policy.MalformedPolicyDocumentException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates policy JSON. Checks run in the order IAM's validator shows them: JSON syntax and element
 * shapes for the whole document; Version; "legacy parsing" checks (Effect with wrong case, unparseable dates);
 * Sid uniqueness; then, statement by statement, principal rules, action presence, resource presence, resource
 * format and action format.
 */
final class PolicyParser {

    static final String SYNTAX = "Syntax errors in policy.";
    static final String LEGACY = "The policy failed legacy parsing";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> STATEMENT_ELEMENTS = Set.of(
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private PolicyParser() {}

    private record Raw(JsonNode node, int index, JsonLocation start, JsonLocation end) {
        SourcePosition position() {
            return new SourcePosition(start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr());
        }
    }

    static PolicyDocument parse(String json, PolicyKind kind) {
        if (kind == null) {
            throw new NullPointerException("kind");
        }
        if (json == null) {
            throw fail(Reason.INVALID_JSON, kind, null, "policy text is null", null);
        }
        String version = null;
        String id = null;
        boolean statementSeen = false;
        List<Raw> raws = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(json)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw fail(
                        Reason.INVALID_JSON,
                        kind,
                        null,
                        "the policy must be a single JSON object",
                        p.currentTokenLocation());
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation nameLoc = p.currentTokenLocation();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "Version":
                        if (v != JsonToken.VALUE_STRING) {
                            throw fail(Reason.INVALID_ELEMENT_TYPE, kind, null, "Version must be a string", nameLoc);
                        }
                        version = p.getText();
                        break;
                    case "Id":
                        if (v != JsonToken.VALUE_STRING) {
                            throw fail(Reason.INVALID_ELEMENT_TYPE, kind, null, "Id must be a string", nameLoc);
                        }
                        id = p.getText();
                        break;
                    case "Statement":
                        statementSeen = true;
                        if (v == JsonToken.START_OBJECT) {
                            raws.add(readStatement(p, raws.size()));
                        } else if (v == JsonToken.START_ARRAY) {
                            while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                                if (v != JsonToken.START_OBJECT) {
                                    throw fail(
                                            Reason.MISSING_STATEMENT,
                                            kind,
                                            null,
                                            "Statement array elements must be objects",
                                            p.currentTokenLocation());
                                }
                                raws.add(readStatement(p, raws.size()));
                            }
                        } else {
                            throw fail(
                                    Reason.MISSING_STATEMENT,
                                    kind,
                                    null,
                                    "Statement must be an object or an array of objects",
                                    nameLoc);
                        }
                        break;
                    default:
                        throw fail(
                                Reason.UNKNOWN_ELEMENT,
                                kind,
                                null,
                                "unknown top-level element \"" + name + "\"",
                                nameLoc);
                }
            }
            if (p.nextToken() != null) {
                throw fail(
                        Reason.INVALID_JSON, kind, null, "content after the policy object", p.currentTokenLocation());
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw fail(Reason.INVALID_JSON, kind, null, "invalid JSON: " + e.getOriginalMessage(), loc);
        } catch (IOException e) {
            throw fail(Reason.INVALID_JSON, kind, null, "invalid JSON: " + e.getMessage(), null);
        }

        // 1. shapes of every statement (IAM: "Syntax errors in policy.")
        if (version != null
                && !version.equals(PolicyDocument.VERSION_2012_10_17)
                && !version.equals(PolicyDocument.VERSION_2008_10_17)) {
            throw fail(
                    Reason.INVALID_VERSION,
                    kind,
                    version,
                    "Version must be 2012-10-17 or 2008-10-17, got \"" + version + "\"",
                    null);
        }
        if (!statementSeen || raws.isEmpty()) {
            throw fail(Reason.MISSING_STATEMENT, kind, null, "the policy has no statements", null);
        }
        boolean variables = PolicyDocument.VERSION_2012_10_17.equals(version);
        List<Map<String, Map<String, List<String>>>> conditionMaps = new ArrayList<>();
        for (Raw r : raws) {
            conditionMaps.add(checkShape(r, kind));
        }
        // 2. legacy parsing: Effect case, unparseable condition values
        List<List<CompiledCondition>> compiledConditions = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            String effect = r.node().get("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw fail(
                        Reason.INVALID_EFFECT,
                        kind,
                        effect,
                        at(r) + "Effect must be exactly \"Allow\" or \"Deny\", got \"" + effect + "\"",
                        r.start());
            }
            List<CompiledCondition> conds = new ArrayList<>();
            for (Map.Entry<String, Map<String, List<String>>> op :
                    conditionMaps.get(i).entrySet()) {
                for (Map.Entry<String, List<String>> kv : op.getValue().entrySet()) {
                    CompiledCondition c = CompiledCondition.compile(op.getKey(), kv.getKey(), kv.getValue(), variables);
                    if (c.invalidValue() != null) {
                        throw fail(
                                Reason.INVALID_CONDITION_VALUE,
                                kind,
                                c.invalidValue(),
                                at(r) + "\"" + c.invalidValue() + "\" is not a date/time value for " + op.getKey(),
                                r.start());
                    }
                    conds.add(c);
                }
            }
            compiledConditions.add(conds);
        }
        // 3. Sid uniqueness
        Set<String> sids = new HashSet<>();
        for (Raw r : raws) {
            JsonNode sid = r.node().get("Sid");
            if (sid != null && !sid.asText().isEmpty() && !sids.add(sid.asText())) {
                throw fail(
                        Reason.DUPLICATE_SID,
                        kind,
                        sid.asText(),
                        at(r) + "duplicate Sid \"" + sid.asText() + "\"",
                        r.start());
            }
        }
        // 4. per-statement semantics
        for (Raw r : raws) {
            checkSemantics(r, kind);
        }
        // 5. build
        List<CompiledStatement> compiled = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            JsonNode n = r.node();
            Statement s = new Statement(
                    r.index(),
                    n.has("Sid") ? n.get("Sid").asText() : null,
                    n.get("Effect").asText().equals("Allow") ? Effect.ALLOW : Effect.DENY,
                    principal(n.get("Principal")),
                    principal(n.get("NotPrincipal")),
                    strings(n.get("Action")),
                    strings(n.get("NotAction")),
                    strings(n.get("Resource")),
                    strings(n.get("NotResource")),
                    conditionMaps.get(i),
                    r.position());
            compiled.add(new CompiledStatement(s, compiledConditions.get(i), variables));
        }
        return new PolicyDocument(json, kind, version, id, compiled);
    }

    private static Raw readStatement(JsonParser p, int index) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        JsonNode node = p.readValueAsTree();
        JsonLocation end = p.currentTokenLocation();
        return new Raw(node, index, start, end);
    }

    private static String at(Raw r) {
        return "statement " + r.index() + " (line " + r.start().getLineNr() + ", column "
                + r.start().getColumnNr() + "): ";
    }

    private static Map<String, Map<String, List<String>>> checkShape(Raw r, PolicyKind kind) {
        JsonNode n = r.node();
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!STATEMENT_ELEMENTS.contains(name)) {
                throw fail(
                        Reason.UNKNOWN_ELEMENT,
                        kind,
                        name,
                        at(r) + "unknown statement element \"" + name + "\"",
                        r.start());
            }
        }
        JsonNode sid = n.get("Sid");
        if (sid != null && !sid.isTextual()) {
            throw fail(Reason.INVALID_ELEMENT_TYPE, kind, null, at(r) + "Sid must be a string", r.start());
        }
        JsonNode effect = n.get("Effect");
        if (effect == null) {
            throw fail(Reason.MISSING_EFFECT, kind, null, at(r) + "Missing required field Effect", r.start());
        }
        if (!effect.isTextual()) {
            throw fail(Reason.INVALID_EFFECT, kind, effect.toString(), at(r) + "Effect must be a string", r.start());
        }
        String e = effect.asText();
        if (!e.equalsIgnoreCase("Allow") && !e.equalsIgnoreCase("Deny")) {
            throw fail(
                    Reason.INVALID_EFFECT,
                    kind,
                    e,
                    at(r) + "Effect must be \"Allow\" or \"Deny\", got \"" + e + "\"",
                    r.start());
        }
        both(r, kind, "Action", "NotAction", Reason.ACTION_AND_NOT_ACTION);
        both(r, kind, "Resource", "NotResource", Reason.RESOURCE_AND_NOT_RESOURCE);
        both(r, kind, "Principal", "NotPrincipal", Reason.PRINCIPAL_AND_NOT_PRINCIPAL);
        for (String el : List.of("Action", "NotAction", "Resource", "NotResource")) {
            JsonNode v = n.get(el);
            if (v != null && !isStringOrStringArray(v)) {
                throw fail(
                        Reason.INVALID_ELEMENT_TYPE,
                        kind,
                        null,
                        at(r) + el + " must be a string or an array of strings",
                        r.start());
            }
        }
        for (String el : List.of("Principal", "NotPrincipal")) {
            JsonNode v = n.get(el);
            if (v == null) {
                continue;
            }
            if (v.isTextual()) {
                if (!v.asText().equals("*")) {
                    throw fail(
                            Reason.INVALID_PRINCIPAL,
                            kind,
                            "\"" + v.asText() + "\"",
                            at(r) + el + " must be \"*\" or an object",
                            r.start());
                }
            } else if (v.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> it = v.properties().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!PRINCIPAL_TYPES.contains(f.getKey())) {
                        throw fail(
                                Reason.INVALID_PRINCIPAL,
                                kind,
                                "\"" + f.getKey() + "\"",
                                at(r) + "unknown principal type \"" + f.getKey() + "\"",
                                r.start());
                    }
                    if (!isStringOrStringArray(f.getValue())) {
                        throw fail(
                                Reason.INVALID_ELEMENT_TYPE,
                                kind,
                                null,
                                at(r) + el + "." + f.getKey() + " must be a string or an array of strings",
                                r.start());
                    }
                }
            } else {
                throw fail(
                        Reason.INVALID_ELEMENT_TYPE, kind, null, at(r) + el + " must be \"*\" or an object", r.start());
            }
        }
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        JsonNode cond = n.get("Condition");
        if (cond != null) {
            if (!cond.isObject()) {
                throw fail(Reason.INVALID_CONDITION, kind, null, at(r) + "Condition must be an object", r.start());
            }
            Iterator<Map.Entry<String, JsonNode>> ops = cond.properties().iterator();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().isObject()) {
                    throw fail(
                            Reason.INVALID_CONDITION,
                            kind,
                            null,
                            at(r) + "condition operator " + op.getKey() + " must map to an object",
                            r.start());
                }
                Map<String, List<String>> keys = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> ks =
                        op.getValue().properties().iterator();
                while (ks.hasNext()) {
                    Map.Entry<String, JsonNode> kv = ks.next();
                    List<String> values = conditionValues(kv.getValue());
                    if (values == null) {
                        throw fail(
                                Reason.INVALID_CONDITION,
                                kind,
                                null,
                                at(r) + "condition values of " + op.getKey() + "/" + kv.getKey()
                                        + " must be strings, numbers, booleans or an array of them",
                                r.start());
                    }
                    keys.put(kv.getKey(), values);
                }
                if (!keys.isEmpty() && CompiledCondition.compile(op.getKey(), "k", List.of(), false) == null) {
                    throw fail(
                            Reason.UNSUPPORTED_CONDITION_OPERATOR,
                            kind,
                            op.getKey(),
                            at(r) + "unsupported condition operator \"" + op.getKey() + "\"",
                            r.start());
                }
                if (!keys.isEmpty()) {
                    conditions.put(op.getKey(), keys);
                }
            }
        }
        return conditions;
    }

    private static void checkSemantics(Raw r, PolicyKind kind) {
        JsonNode n = r.node();
        boolean hasPrincipal = n.has("Principal") || n.has("NotPrincipal");
        if (!kind.requiresPrincipal() && hasPrincipal) {
            throw fail(
                    Reason.PRINCIPAL_NOT_ALLOWED,
                    kind,
                    null,
                    at(r) + "a " + kind + " policy must not contain Principal or NotPrincipal",
                    r.start());
        }
        if (kind.requiresPrincipal() && !hasPrincipal) {
            throw fail(Reason.MISSING_PRINCIPAL, kind, null, at(r) + "Missing required field Principal", r.start());
        }
        if (kind == PolicyKind.TRUST && n.has("NotPrincipal")) {
            throw fail(
                    Reason.NOT_PRINCIPAL_NOT_ALLOWED,
                    kind,
                    null,
                    at(r) + "trust policies cannot use NotPrincipal",
                    r.start());
        }
        List<String> actions = strings(n.has("Action") ? n.get("Action") : n.get("NotAction"));
        if (actions.isEmpty()) {
            throw fail(Reason.MISSING_ACTION, kind, null, at(r) + "no Action or NotAction", r.start());
        }
        boolean hasResourceElement = n.has("Resource") || n.has("NotResource");
        List<String> resources = strings(n.has("Resource") ? n.get("Resource") : n.get("NotResource"));
        if (kind == PolicyKind.TRUST && hasResourceElement) {
            String el = n.has("Resource") ? "Resource" : "NotResource";
            throw fail(Reason.RESOURCE_NOT_ALLOWED, kind, el, at(r) + "trust policies cannot contain " + el, r.start());
        }
        if (kind != PolicyKind.TRUST && kind != PolicyKind.RESOURCE && resources.isEmpty()) {
            throw fail(Reason.MISSING_RESOURCE, kind, null, at(r) + "no Resource or NotResource", r.start());
        }
        for (String res : resources) {
            if (res.equals("*")) {
                continue;
            }
            if (!res.startsWith("arn:")) {
                throw fail(
                        Reason.INVALID_RESOURCE_FORMAT,
                        kind,
                        res,
                        at(r) + "resource \"" + res + "\" is neither \"*\" nor an ARN",
                        r.start());
            }
            String[] parts = res.split(":", 4);
            if (parts.length < 3 || parts[2].isEmpty() || parts[2].indexOf('*') >= 0 || parts[2].indexOf('?') >= 0) {
                throw fail(
                        Reason.RESOURCE_VENDOR_NOT_QUALIFIED,
                        kind,
                        res,
                        at(r) + "resource \"" + res + "\" has no concrete service segment",
                        r.start());
            }
        }
        for (String a : actions) {
            if (a.equals("*")) {
                if (kind == PolicyKind.TRUST) {
                    throw fail(
                            Reason.TRUST_POLICY_NON_STS_ACTION,
                            kind,
                            a,
                            at(r) + "trust policy action \"*\"",
                            r.start());
                }
                continue;
            }
            int colon = a.indexOf(':');
            if (colon < 0) {
                throw fail(
                        Reason.ACTION_MISSING_VENDOR,
                        kind,
                        a,
                        at(r) + "action \"" + a + "\" is not service:action",
                        r.start());
            }
            if (a.indexOf(':', colon + 1) >= 0) {
                throw fail(
                        Reason.ACTION_TOO_MANY_COLONS,
                        kind,
                        a,
                        at(r) + "action \"" + a + "\" has several colons",
                        r.start());
            }
            String vendor = a.substring(0, colon);
            if (!VENDOR.matcher(vendor).matches()) {
                throw fail(
                        Reason.INVALID_ACTION_VENDOR,
                        kind,
                        vendor,
                        at(r) + "action \"" + a + "\" has an invalid service prefix \"" + vendor + "\"",
                        r.start());
            }
            if (kind == PolicyKind.TRUST && !vendor.equalsIgnoreCase("sts")) {
                throw fail(
                        Reason.TRUST_POLICY_NON_STS_ACTION,
                        kind,
                        a,
                        at(r) + "trust policy action \"" + a + "\" is not an sts: action",
                        r.start());
            }
        }
        for (String el : List.of("Principal", "NotPrincipal")) {
            JsonNode p = n.get(el);
            if (p == null || !p.isObject()) {
                continue;
            }
            for (String v : strings(p.get("AWS"))) {
                if (!v.equals("*") && !ACCOUNT_ID.matcher(v).matches() && !v.startsWith("arn:")) {
                    throw fail(
                            Reason.INVALID_PRINCIPAL,
                            kind,
                            "\"AWS\":\"" + v + "\"",
                            at(r) + "AWS principal \"" + v + "\" is not \"*\", an account id or an ARN",
                            r.start());
                }
            }
            if (p.size() == 0) {
                throw fail(Reason.INVALID_PRINCIPAL, kind, "{}", at(r) + el + " is empty", r.start());
            }
        }
    }

    private static void both(Raw r, PolicyKind kind, String a, String b, Reason reason) {
        if (r.node().has(a) && r.node().has(b)) {
            throw fail(reason, kind, null, at(r) + a + " and " + b + " cannot both be present", r.start());
        }
    }

    private static boolean isStringOrStringArray(JsonNode v) {
        if (v.isTextual()) {
            return true;
        }
        if (!v.isArray()) {
            return false;
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> conditionValues(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!scalar(e)) {
                    return null;
                }
                out.add(e.asText());
            }
            return out;
        }
        if (!scalar(v)) {
            return null;
        }
        out.add(v.asText());
        return out;
    }

    private static boolean scalar(JsonNode e) {
        return e.isTextual() || e.isNumber() || e.isBoolean();
    }

    static List<String> strings(JsonNode v) {
        if (v == null) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            out.add(e.asText());
        }
        return out;
    }

    private static PrincipalElement principal(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return new PrincipalElement(true, Map.of());
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        v.properties().forEach(f -> values.put(f.getKey(), strings(f.getValue())));
        return new PrincipalElement(false, values);
    }

    static MalformedPolicyDocumentException fail(
            Reason reason, PolicyKind kind, String value, String detail, JsonLocation loc) {
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        return new MalformedPolicyDocumentException(reason, message(reason, kind, value), detail, line, col);
    }

    /** IAM's wording for each reason; trust (and other resource-based) policies use the trust-policy validator's. */
    static String message(Reason reason, PolicyKind kind, String value) {
        boolean trust = kind == PolicyKind.TRUST;
        boolean resourceBased = kind.requiresPrincipal();
        switch (reason) {
            case INVALID_JSON:
                return trust ? "This policy contains invalid Json" : SYNTAX;
            case INVALID_VERSION:
                return trust ? "The policy must contain a valid version string" : SYNTAX;
            case MISSING_STATEMENT:
                return trust ? "Could not parse the policy: Statement is empty!" : SYNTAX;
            case MISSING_EFFECT:
                return resourceBased ? "Missing required field Effect" : SYNTAX;
            case INVALID_EFFECT:
                if (resourceBased) {
                    return "Invalid effect: " + value;
                }
                return value != null && (value.equalsIgnoreCase("Allow") || value.equalsIgnoreCase("Deny"))
                        ? LEGACY
                        : SYNTAX;
            case DUPLICATE_SID:
                return trust
                        ? "The Statement Ids in the policy are not unique"
                        : "Statement IDs (SID) in a single policy must be unique.";
            case MISSING_ACTION:
                return resourceBased ? "Missing required field Action" : "Policy statement must contain actions.";
            case ACTION_MISSING_VENDOR:
                return "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
            case ACTION_TOO_MANY_COLONS:
                return "Actions/Condition can contain only one colon.";
            case INVALID_ACTION_VENDOR:
                return value != null && (value.indexOf('*') >= 0 || value.indexOf('?') >= 0)
                        ? "Action vendors (e.g., aws, ec2, etc.) must not contain wildcards"
                        : "Vendor " + value + " is not valid";
            case TRUST_POLICY_NON_STS_ACTION:
                return "AssumeRole policy may only specify STS AssumeRole actions.";
            case MISSING_RESOURCE:
                return "Policy statement must contain resources.";
            case INVALID_RESOURCE_FORMAT:
                return "Resource " + value + " must be in ARN format or \"*\".";
            case RESOURCE_VENDOR_NOT_QUALIFIED:
                return "Resource vendor must be fully qualified and cannot contain regexes.";
            case RESOURCE_NOT_ALLOWED:
                return "Has prohibited field " + value;
            case PRINCIPAL_NOT_ALLOWED:
                return "Policy document should not specify a principal.";
            case MISSING_PRINCIPAL:
                return "Missing required field Principal";
            case NOT_PRINCIPAL_NOT_ALLOWED:
                return "AssumeRole policy must not contain NotPrincipal field.";
            case INVALID_PRINCIPAL:
                return "Invalid principal in policy: " + value;
            case INVALID_CONDITION_VALUE:
                return LEGACY;
            case UNKNOWN_ELEMENT:
            case INVALID_ELEMENT_TYPE:
            case ACTION_AND_NOT_ACTION:
            case RESOURCE_AND_NOT_RESOURCE:
            case PRINCIPAL_AND_NOT_PRINCIPAL:
            case INVALID_CONDITION:
            case UNSUPPORTED_CONDITION_OPERATOR:
            default:
                return SYNTAX;
        }
    }
}
