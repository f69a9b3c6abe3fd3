package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every subcommand, at any depth, answers --help with its usage and exit code 0. */
class HelpTest {
    private static void collect(CommandLine cmd, List<String> path, List<List<String>> out) {
        for (var e : cmd.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }

    @Test
    void everySubcommandAnswersHelpWithItsUsage() {
        List<List<String>> all = new ArrayList<>();
        collect(new CommandLine(new RlhfCli()), List.of(), all);
        assertThat(all).hasSizeGreaterThan(20);
        for (List<String> path : all) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = RlhfCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                        args.toArray(String[]::new));
                assertThat(code).as("%s: %s", args, err).isZero();
                assertThat(out.toString()).as("%s", args).contains("Usage: rlhf " + String.join(" ", path));
            }
        }
    }
}
