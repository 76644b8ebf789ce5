package dev.drydock.elb.internal.proxy;

import dev.drydock.core.spi.Cidr;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.QueryStringKeyValuePair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * One listener's routing, compiled from its rules and default actions (the SDK's {@code Rule}, {@code RuleCondition}
 * and {@code Action} shapes): rules in priority order, each a list of conditions that must all match (a condition
 * matches when any of its values does), then the default action. Immutable; a listener swaps in a new one when a
 * rule changes. Matching follows "Listener rules for your Application Load Balancer"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html): {@code *} and
 * {@code ?} wildcards; host names, header values and query strings compared without regard to case, paths and methods
 * with it; host names without their port.
 */
public final class Routes {
    private final List<Route> rules;
    private final RouteAction defaultAction;

    private Routes(List<Route> rules, RouteAction defaultAction) {
        this.rules = rules;
        this.defaultAction = defaultAction;
    }

    /** A listener that forwards everything to one target pool (NLB listeners, tests). */
    public static Routes forwardAll(TargetPool pool) {
        return new Routes(List.of(), new Forward(List.of(pool), new int[] {1}));
    }

    /**
     * Compiles a listener's routing.
     *
     * @param rules its non-default rules, in ascending priority, each with its conditions and actions
     * @param defaultActions the default rule's actions
     * @param pools a target group ARN's target pool
     */
    public static Routes compile(
            List<Map.Entry<List<RuleCondition>, List<Action>>> rules,
            List<Action> defaultActions,
            Function<String, TargetPool> pools) {
        List<Route> compiled = new ArrayList<>();
        for (var rule : rules) {
            compiled.add(new Route(conditions(rule.getKey()), action(rule.getValue(), pools)));
        }
        return new Routes(List.copyOf(compiled), action(defaultActions, pools));
    }

    /** What to do with a request from {@code client}. */
    public RouteAction route(HttpRequest request, InetAddress client) {
        if (!rules.isEmpty()) {
            Request r = new Request(request, client);
            for (Route rule : rules) {
                if (rule.matches(r)) {
                    return rule.action;
                }
            }
        }
        return defaultAction;
    }

    /** What to do with a new connection (NLB): the default action. */
    public RouteAction route() {
        return defaultAction;
    }

    // ------------------------------------------------------------------------------------------------ actions

    /** A listener action the proxy carries out. */
    public sealed interface RouteAction permits Forward, FixedResponse, Redirect {}

    /** {@code forward}: to one of the target groups, by weight. */
    public static final class Forward implements RouteAction {
        private final List<TargetPool> pools;
        private final int[] cumulative;
        private final AtomicInteger next = new AtomicInteger();

        Forward(List<TargetPool> pools, int[] weights) {
            this.pools = pools;
            this.cumulative = new int[weights.length];
            int sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        /** The target pool for the next request: weighted round robin over the groups with weight above 0. */
        public TargetPool pool() {
            if (pools.size() == 1) {
                return pools.get(0);
            }
            int total = cumulative[cumulative.length - 1];
            if (total == 0) {
                return pools.get(0);
            }
            int n = Math.floorMod(next.getAndIncrement(), total);
            for (int i = 0; i < cumulative.length; i++) {
                if (n < cumulative[i]) {
                    return pools.get(i);
                }
            }
            return pools.get(pools.size() - 1);
        }
    }

    /**
     * {@code fixed-response}.
     *
     * @param status the status code, e.g. 404
     * @param contentType the content type, or {@code null}
     * @param body the message body, or {@code null}
     */
    public record FixedResponse(int status, String contentType, String body) implements RouteAction {}

    /**
     * {@code redirect}: each part a literal or {@code #{protocol}}, {@code #{host}}, {@code #{port}}, {@code #{path}},
     * {@code #{query}} (the request's own).
     *
     * @param status 301 or 302
     */
    public record Redirect(String protocol, String host, String port, String path, String query, int status)
            implements RouteAction {}

    private static RouteAction action(List<Action> actions, Function<String, TargetPool> pools) {
        Action a = actions.stream()
                .filter(x ->
                        x.type() != ActionTypeEnum.AUTHENTICATE_COGNITO && x.type() != ActionTypeEnum.AUTHENTICATE_OIDC)
                .reduce((x, y) -> y)
                .orElseThrow(() -> new IllegalArgumentException("no terminal action"));
        switch (a.type()) {
            case FORWARD: {
                List<TargetPool> groups = new ArrayList<>();
                List<Integer> weights = new ArrayList<>();
                if (a.forwardConfig() != null
                        && !a.forwardConfig().targetGroups().isEmpty()) {
                    for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
                        groups.add(pools.apply(t.targetGroupArn()));
                        weights.add(t.weight() == null ? 1 : t.weight());
                    }
                } else {
                    groups.add(pools.apply(a.targetGroupArn()));
                    weights.add(1);
                }
                return new Forward(
                        List.copyOf(groups),
                        weights.stream().mapToInt(Integer::intValue).toArray());
            }
            case FIXED_RESPONSE: {
                var f = a.fixedResponseConfig();
                return new FixedResponse(Integer.parseInt(f.statusCode()), f.contentType(), f.messageBody());
            }
            case REDIRECT: {
                var r = a.redirectConfig();
                return new Redirect(
                        or(r.protocol(), "#{protocol}"),
                        or(r.host(), "#{host}"),
                        or(r.port(), "#{port}"),
                        or(r.path(), "/#{path}"),
                        or(r.query(), "#{query}"),
                        "HTTP_301".equals(r.statusCodeAsString()) ? 301 : 302);
            }
            default:
                throw new IllegalArgumentException("unsupported action " + a.typeAsString());
        }
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    // ------------------------------------------------------------------------------------------------ conditions

    private record Route(List<Condition> conditions, RouteAction action) {
        boolean matches(Request r) {
            for (Condition c : conditions) {
                if (!c.matches(r)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The parts of a request the conditions look at, each computed once. */
    private static final class Request {
        final HttpRequest request;
        final InetAddress client;
        private String path;
        private String query;

        Request(HttpRequest request, InetAddress client) {
            this.request = request;
            this.client = client;
        }

        String path() {
            if (path == null) {
                String uri = request.uri();
                int q = uri.indexOf('?');
                path = q < 0 ? uri : uri.substring(0, q);
                if (path.startsWith("http://") || path.startsWith("https://")) {
                    int slash = path.indexOf('/', path.indexOf("//") + 2);
                    path = slash < 0 ? "/" : path.substring(slash);
                }
            }
            return path;
        }

        String query() {
            if (query == null) {
                String uri = request.uri();
                int q = uri.indexOf('?');
                query = q < 0 ? "" : uri.substring(q + 1);
            }
            return query;
        }

        String host() {
            String host = request.headers().get(HttpHeaderNames.HOST);
            if (host == null) {
                return "";
            }
            int colon = host.lastIndexOf(':');
            return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
        }
    }

    private interface Condition {
        boolean matches(Request r);
    }

    private static List<Condition> conditions(List<RuleCondition> conditions) {
        List<Condition> result = new ArrayList<>();
        for (RuleCondition c : conditions) {
            result.add(condition(c));
        }
        return List.copyOf(result);
    }

    private static Condition condition(RuleCondition c) {
        switch (c.field()) {
            case "path-pattern": {
                List<Pattern> p = globs(
                        c.pathPatternConfig() != null ? c.pathPatternConfig().values() : c.values(), false);
                return r -> any(p, r.path());
            }
            case "host-header": {
                List<Pattern> p = globs(
                        c.hostHeaderConfig() != null ? c.hostHeaderConfig().values() : c.values(), true);
                return r -> any(p, r.host());
            }
            case "http-header": {
                String name = c.httpHeaderConfig().httpHeaderName();
                List<Pattern> p = globs(c.httpHeaderConfig().values(), true);
                return r -> {
                    for (String v : r.request.headers().getAll(name)) {
                        if (any(p, v)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case "http-request-method": {
                List<String> methods = c.httpRequestMethodConfig().values();
                return r -> methods.contains(r.request.method().name());
            }
            case "query-string": {
                List<QueryMatcher> pairs = new ArrayList<>();
                for (QueryStringKeyValuePair kv : c.queryStringConfig().values()) {
                    pairs.add(new QueryMatcher(kv.key() == null ? null : glob(kv.key(), true), glob(kv.value(), true)));
                }
                return r -> {
                    if (r.query().isEmpty()) {
                        return false;
                    }
                    for (String pair : r.query().split("&")) {
                        int eq = pair.indexOf('=');
                        String key = eq < 0 ? pair : pair.substring(0, eq);
                        String value = eq < 0 ? "" : pair.substring(eq + 1);
                        for (QueryMatcher m : pairs) {
                            if ((m.key == null || m.key.matcher(key).matches())
                                    && m.value.matcher(value).matches()) {
                                return true;
                            }
                        }
                    }
                    return false;
                };
            }
            case "source-ip": {
                List<Cidr> blocks =
                        c.sourceIpConfig().values().stream().map(Cidr::parse).toList();
                return r -> {
                    for (Cidr b : blocks) {
                        if (b.contains(r.client)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            default:
                throw new IllegalArgumentException("unsupported condition " + c.field());
        }
    }

    private record QueryMatcher(Pattern key, Pattern value) {}

    private static boolean any(List<Pattern> patterns, String value) {
        for (Pattern p : patterns) {
            if (p.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> globs(List<String> values, boolean ignoreCase) {
        return values.stream().map(v -> glob(v, ignoreCase)).toList();
    }

    /** An ALB pattern ({@code *}: any characters, {@code ?}: one character) as a regular expression. */
    static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            if (ch == '*' || ch == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(ch == '*' ? ".*" : ".");
            } else {
                literal.append(ch);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(
                re.toString(),
                ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL : Pattern.DOTALL);
    }
}
