package org.wardwatch.core.config;

import java.util.List;

/** A configuration or registry file is wrong; each problem is one line naming file, line and what. */
public class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
