package io.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on, read from Linux. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB RAM")
                    .findFirst().orElse("");
        }
        catch (IOException notLinux) {
            // described without
        }
        return "%d cores (%s), %s, Linux %s".formatted(Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.version"));
    }

    static String java() {
        return "Java " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
    }
}
