package io.incidentreplay.scenario.internal.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The problems found while reading one incident file (and the files it extends), in the order
 * they were found, once each; and which file every node came from.
 */
final class Problems {

    private final List<Problem> found = new ArrayList<>();
    private final Map<Node, Path> origins = new IdentityHashMap<>();

    void add(Problem problem) {
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    /** Remembers that {@code node} and every node under it came from {@code file} (unless known already). */
    void remember(Node node, Path file) {
        if (node == null || origins.putIfAbsent(node, file) != null) {
            return;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                remember(t.getKeyNode(), file);
                remember(t.getValueNode(), file);
            }
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(child -> remember(child, file));
        }
    }

    /** The file a node came from. */
    Path originOf(Node node, Path otherwise) {
        return origins.getOrDefault(node, otherwise);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Problem> all() {
        return List.copyOf(found);
    }
}
