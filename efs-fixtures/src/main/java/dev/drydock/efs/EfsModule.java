package dev.drydock.efs;

import dev.drydock.core.spi.ServiceModule;

/**
 * Amazon EFS in a Drydock instance: the EFS API (REST-JSON, {@code /2015-02-01/...}, signing name
 * {@code elasticfilesystem}) on Drydock's endpoint, the model behind it, and the storage ECS tasks mount through
 * {@code efsVolumeConfiguration} volumes. Found on the classpath by {@link java.util.ServiceLoader}; reach it with
 * {@code drydock.service(EfsModule.class)}. Declare file systems with {@link EfsFixtures} or the JUnit annotations,
 * read and write their files with {@link EfsFiles}.
 *
 * <p>Implemented operations: CreateFileSystem, DescribeFileSystems, DeleteFileSystem, CreateAccessPoint,
 * DescribeAccessPoints, DeleteAccessPoint, CreateMountTarget, DescribeMountTargets, DeleteMountTarget,
 * PutFileSystemPolicy, DescribeFileSystemPolicy, DeleteFileSystemPolicy, TagResource, UntagResource,
 * ListTagsForResource. Others answer {@code NotImplementedException} (HTTP 501) naming the operation. See
 * <a href="https://docs.aws.amazon.com/efs/latest/ug/api-reference.html">the Amazon EFS API reference</a>.
 */
public interface EfsModule extends ServiceModule {}
