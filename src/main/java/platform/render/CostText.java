package platform.render;

import platform.render.capacity.Capacity;
import platform.render.capacity.Cost;
import platform.render.capacity.PodGroup;
import platform.render.capacity.PriceTable;
import platform.render.capacity.Quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The cost and capacity sections of summary.txt. */
final class CostText {
    private CostText() {
    }

    static String of(Cost cost) {
        var text = new StringBuilder("\nestimated cost (" + PriceTable.CURRENCY + " a month, list prices as of " + PriceTable.AS_OF
                + "; sources in summary.json):\n");
        if (!cost.cloud() && cost.lines().isEmpty()) {
            return text.append("  existing cluster: the stack creates no priced cloud resources (its cluster's own costs are not known here)\n").toString();
        }
        text.append(String.format(Locale.ROOT, "  %-36s %-46s %9s %9s%n", "", "", "min nodes", "max nodes"));
        for (var line : cost.lines()) {
            text.append(String.format(Locale.ROOT, "  %-36s %-46s %9.2f %9.2f%n", line.item(), abbreviate(line.detail(), 46), line.atMin(), line.atMax()));
        }
        text.append(String.format(Locale.ROOT, "  %-36s %-46s %9.2f %9.2f%n", "total", "", cost.totalAtMin(), cost.totalAtMax()));
        return text.toString();
    }

    static String capacity(Capacity capacity) {
        var text = new StringBuilder("\ncapacity (pods' requests against allocatable; pods naming no pool count against the default pool):\n");
        if (capacity.pools().isEmpty()) {
            long cpu = 0, memory = 0;
            for (var group : capacity.unplaced()) {
                if (group.kind() == PodGroup.Kind.STEADY) {
                    cpu += group.totalCpu();
                    memory += group.totalMemory();
                }
            }
            return text.append("  existing cluster: no node pools in this stack, so nothing to check; the pods request ")
                    .append(Quantities.cpu(cpu)).append(" CPU and ").append(Quantities.memory(memory)).append(" in all\n").toString();
        }
        for (var load : capacity.pools()) {
            var pool = load.pool();
            text.append(String.format(Locale.ROOT, "  %s (%s, %d-%d nodes; a node gives %s CPU, %s):%n", pool.name(), pool.size(),
                    pool.minNodes(), pool.maxNodes(), Quantities.cpu(load.nodeCpu()), Quantities.memory(load.nodeMemory())));
            text.append(String.format(Locale.ROOT, "    requests %s CPU, %s (+ largest job %s CPU, %s)%n", Quantities.cpu(load.cpu()),
                    Quantities.memory(load.memory()), Quantities.cpu(load.jobCpu()), Quantities.memory(load.jobMemory())));
            // The minimum, the maximum less one (a node drained or lost at full scale) and the maximum; a count
            // that is two of these at once is printed once, with both names.
            var rows = new TreeMap<Integer, List<String>>();
            rows.computeIfAbsent(pool.minNodes(), n -> new ArrayList<>()).add("min");
            if (pool.maxNodes() - 1 >= Math.max(1, pool.minNodes())) {
                rows.computeIfAbsent(pool.maxNodes() - 1, n -> new ArrayList<>()).add("max less one");
            }
            rows.computeIfAbsent(pool.maxNodes(), n -> new ArrayList<>()).add("max");
            rows.forEach((nodes, names) -> text.append(String.format(Locale.ROOT, "    at %d node%s: CPU %3d%%, memory %3d%%  (%s)%n",
                    nodes, nodes == 1 ? " " : "s", percent(load.neededCpu(), load.allocatableCpu(nodes)),
                    percent(load.neededMemory(), load.allocatableMemory(nodes)), String.join(", ", names))));
        }
        return text.toString();
    }

    private static long percent(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(100.0 * part / whole);
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
