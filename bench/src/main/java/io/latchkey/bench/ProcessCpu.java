package io.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time and memory of server processes, read from Linux's {@code /proc}: how many
 * milliseconds of CPU a request cost, wherever it was spent.
 */
final class ProcessCpu {

    /** Linux reports CPU time in clock ticks of 1/100 s on every architecture we run on. */
    private static final double MILLIS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    /** CPU milliseconds (user + system) used so far by this process and, counting ended ones, its descendants. */
    static double millis(long pid) {
        if (pid <= 0) {
            return 0;
        }
        double total = 0;
        for (long member : withDescendants(pid)) {
            long[] stat = stat(member);
            if (stat.length == 0) {
                continue;
            }
            // utime + stime of the process; cutime + cstime of children that ended
            total += (stat[0] + stat[1] + stat[2] + stat[3]) * MILLIS_PER_TICK;
        }
        return total;
    }

    /**
     * CPU milliseconds the whole machine has been busy, summed over its cores (user, nice,
     * system, irq and softirq of {@code /proc/stat}; not idle, iowait, or steal, the time the
     * hypervisor gave to others): the apps, the stores, the load generator and the kernel.
     */
    static double machineBusyMillis() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.filter(line -> line.startsWith("cpu ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("/proc/stat has no cpu line")).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] { 1, 2, 3, 6, 7 }) {
                busy += Long.parseLong(fields[field]);
            }
            return busy * MILLIS_PER_TICK;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read /proc/stat", ex);
        }
    }

    /** Resident memory of the process (VmRSS: its own pages and the files it maps, such as an AOT cache), in MiB. */
    static double residentMib(long pid) {
        return statusMib(pid, "VmRSS:");
    }

    /** Resident memory that is the process's own (RssAnon: heap, stacks, code; no mapped files), in MiB. */
    static double residentAnonymousMib(long pid) {
        return statusMib(pid, "RssAnon:");
    }

    /**
     * Proportional set size of the process and its descendants, in MiB: each page it maps
     * counted in full when it is the only user, in part when it shares it. Unlike resident
     * memory, summing it over processes counts no shared page twice.
     */
    static double proportionalMib(long pid) {
        double kib = 0;
        for (long member : withDescendants(pid)) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(member), "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        kib += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            }
            catch (IOException gone) {
                // the process ended
            }
        }
        return kib / 1024.0;
    }

    private static double statusMib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        }
        catch (IOException gone) {
            // the process ended
        }
        return 0;
    }

    private static List<Long> withDescendants(long root) {
        List<Long> members = new ArrayList<>(List.of(root));
        Set<Long> seen = new HashSet<>(members);
        boolean grew = true;
        List<long[]> parents = parents();
        while (grew) {
            grew = false;
            for (long[] pair : parents) {
                if (seen.contains(pair[1]) && seen.add(pair[0])) {
                    members.add(pair[0]);
                    grew = true;
                }
            }
        }
        return members;
    }

    /** {pid, parent pid} of every process. */
    private static List<long[]> parents() {
        List<long[]> pairs = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                String afterName = afterName(p.resolve("stat"));
                if (afterName != null) {
                    String[] fields = afterName.trim().split(" ");
                    pairs.add(new long[] { Long.parseLong(p.getFileName().toString()), Long.parseLong(fields[1]) });
                }
            });
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot list /proc", ex);
        }
        return pairs;
    }

    /** utime, stime, cutime, cstime in ticks; empty when the process is gone. */
    private static long[] stat(long pid) {
        String afterName = afterName(Path.of("/proc", Long.toString(pid), "stat"));
        if (afterName == null) {
            return new long[0];
        }
        // fields after "(comm)": state ppid ... utime is the 12th, stime 13th, cutime 14th, cstime 15th
        String[] fields = afterName.trim().split(" ");
        return new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14]) };
    }

    private static String afterName(Path stat) {
        try {
            String line = Files.readString(stat);
            return line.substring(line.lastIndexOf(')') + 1);
        }
        catch (IOException gone) {
            return null;
        }
    }
}
