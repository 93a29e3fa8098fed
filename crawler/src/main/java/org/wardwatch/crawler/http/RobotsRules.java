package org.wardwatch.crawler.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one robots.txt (RFC 9309) for one user agent: the group naming our product token, or
 * else the {@code *} group. The longest matching rule wins; on a tie, Allow wins.
 */
public final class RobotsRules {
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
    public static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule(false, "/")));

    private record Rule(boolean allow, String path) {
        boolean matches(String target) {
            return toRegex(path).matcher(target).lookingAt();
        }

        static Pattern toRegex(String p) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '*') re.append(".*");
                else if (c == '$' && i == p.length() - 1) re.append("$");
                else re.append(Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(re.toString());
        }
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** @param productToken our crawler's name in User-agent lines, such as {@code wardwatch} */
    public static RobotsRules parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean mineSeen = false;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        for (String raw : text.split("\\r?\\n|\\r")) {
            String line = raw.replaceFirst("#.*", "").trim();
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                String agent = value.toLowerCase(Locale.ROOT);
                agents.add(agent);
                if (names(agent, token)) mineSeen = true;
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (agents.isEmpty() || (key.equals("disallow") && value.isEmpty())) continue;
                Rule rule = new Rule(key.equals("allow"), value);
                if (agents.stream().anyMatch(a -> names(a, token))) mine.add(rule);
                if (agents.contains("*")) star.add(rule);
            }
        }
        return new RobotsRules(mineSeen ? mine : star);
    }

    private static boolean names(String agent, String token) {
        return !agent.isEmpty() && !agent.equals("*") && token.contains(agent);
    }

    /** @param pathAndQuery the URL's path with its query, as robots.txt rules are matched against */
    public boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule r : rules) {
            if (!r.matches(pathAndQuery)) continue;
            if (best == null || r.path().length() > best.path().length()
                    || (r.path().length() == best.path().length() && r.allow())) {
                best = r;
            }
        }
        return best == null || best.allow();
    }
}
