package io.incidentreplay.scenario.internal.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code extends: base.yaml}: the base file's mappings under this file's, key by key; a list or a
 * value in this file replaces the base's. Every node remembers the file it came from, so that a
 * mistake in a base file is reported at its own line in its own file.
 */
final class Merge {

    private static final String EXTENDS = "extends";

    private Merge() {}

    /** The file's YAML with the files it extends merged under it; null (and problems) when it cannot be read. */
    static Node withBases(Path file, Problems problems) {
        return withBases(file, problems, new HashSet<>());
    }

    private static Node withBases(Path file, Problems problems, Set<Path> seen) {
        if (!seen.add(file)) {
            problems.add(new Problem(file, 1, 1, EXTENDS, "extends itself through " + seen + "; a file may not extend itself"));
            return null;
        }
        Node node = IncidentFile.parse(file, problems);
        if (node == null) {
            return null;
        }
        problems.remember(node, file);
        if (!(node instanceof MappingNode mapping)) {
            return node;
        }
        NodeTuple extendsTuple = mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(EXTENDS)).findFirst().orElse(null);
        if (extendsTuple == null) {
            return node;
        }
        if (!(extendsTuple.getValueNode() instanceof ScalarNode value)) {
            problems.add(new Problem(file, extendsTuple.getValueNode().getStartMark().getLine() + 1, 1, EXTENDS,
                    "must be the path of another incident file"));
            return node;
        }
        Path base = file.getParent().resolve(value.getValue()).normalize();
        if (!java.nio.file.Files.isRegularFile(base)) {
            problems.add(new Problem(file, value.getStartMark().getLine() + 1, value.getStartMark().getColumn() + 1, EXTENDS,
                    "no file at " + base));
            return node;
        }
        Node baseNode = withBases(base, problems, seen);
        List<NodeTuple> own = new ArrayList<>(mapping.getValue());
        own.remove(extendsTuple);
        MappingNode withoutExtends = new MappingNode(mapping.getTag(), true, own, mapping.getStartMark(), mapping.getEndMark(),
                mapping.getFlowStyle());
        problems.remember(withoutExtends, file);
        return baseNode == null ? withoutExtends : merge(baseNode, withoutExtends, file, problems);
    }

    private static Node merge(Node base, Node over, Path overFile, Problems problems) {
        if (!(base instanceof MappingNode b) || !(over instanceof MappingNode o)) {
            return over;
        }
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        for (NodeTuple t : b.getValue()) {
            merged.put(key(t), t);
        }
        for (NodeTuple t : o.getValue()) {
            NodeTuple under = merged.get(key(t));
            merged.put(key(t), under == null || t.getValueNode() instanceof SequenceNode ? t
                    : new NodeTuple(t.getKeyNode(), merge(under.getValueNode(), t.getValueNode(), overFile, problems)));
        }
        MappingNode result = new MappingNode(o.getTag(), true, new ArrayList<>(merged.values()), o.getStartMark(), o.getEndMark(),
                o.getFlowStyle());
        problems.remember(result, overFile);
        return result;
    }

    private static String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
    }
}
