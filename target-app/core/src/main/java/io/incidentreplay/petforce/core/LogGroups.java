package io.incidentreplay.petforce.core;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * The build's CloudWatch Logs groups, put at start-up as the seed's infrastructure code does (its
 * CDK stack, S0 1645–1652): each group created if missing, with its retention or without one. Only
 * where {@code CLOUDWATCH_LOGS_URL} is set (an emulator's {@code http://127.0.0.1:4566}, or AWS);
 * unset, nothing is put and nothing else changes. The region and keys are the SDK's
 * {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}.
 *
 * <p>The events themselves go to stdout, which on ECS the awslogs driver ships to the group; a
 * group that cannot be put is a WARN, not a build that will not start, as a missing log group
 * never stopped the seed's API either.
 */
public final class LogGroups {

    private static final Logger log = LoggerFactory.getLogger(LogGroups.class);

    /** A log group, and how many days its events are kept; null keeps them forever (CloudWatch's default). */
    public record Group(String name, Integer retentionDays) {}

    private LogGroups() {}

    /** Creates each group that is missing and sets (or removes) its retention; false when CloudWatch Logs is not configured. */
    public static boolean put(Env env, List<Group> groups) {
        String url = env.string("CLOUDWATCH_LOGS_URL", "");
        if (url.isBlank()) {
            return false;
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("CLOUDWATCH_LOGS_URL must be an http(s) URL such as http://127.0.0.1:4566, but was '"
                    + url + "'");
        }
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
                .endpointOverride(URI.create(url))
                .region(Region.of(env.string("AWS_REGION", "us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.string("AWS_ACCESS_KEY_ID", "petforce"), env.string("AWS_SECRET_ACCESS_KEY", "petforce"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            for (Group group : groups) {
                put(logs, group);
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not put the log groups {} at {}: {}", groups.stream().map(Group::name).toList(), url, e.getMessage());
            return false;
        }
    }

    private static void put(CloudWatchLogsClient logs, Group group) {
        try {
            logs.createLogGroup(b -> b.logGroupName(group.name()));
        } catch (ResourceAlreadyExistsException exists) {
            // put, not create: a second instance, or a restart, finds it there
        }
        if (group.retentionDays() == null) {
            logs.deleteRetentionPolicy(b -> b.logGroupName(group.name()));
            log.info("Log group {}: events kept forever", group.name());
        } else {
            logs.putRetentionPolicy(b -> b.logGroupName(group.name()).retentionInDays(group.retentionDays()));
            log.info("Log group {}: events kept {} days", group.name(), group.retentionDays());
        }
    }
}
