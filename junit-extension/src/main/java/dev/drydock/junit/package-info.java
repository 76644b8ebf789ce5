/**
 * Drydock for JUnit 5: the annotations that declare infrastructure on a test class ({@link dev.drydock.junit.EcsCluster},
 * {@link dev.drydock.junit.FargateService}, {@link dev.drydock.junit.IamRole}, {@link dev.drydock.junit.EfsFileSystem},
 * {@link dev.drydock.junit.EcrRepository}, {@link dev.drydock.junit.DrydockSetting} ...), the
 * {@link dev.drydock.junit.DrydockExtension} behind them, {@link dev.drydock.junit.ActingAs} for clients that sign as
 * a role, and assertions on IAM decisions ({@link dev.drydock.junit.DrydockAssertions}). Each service's annotations and
 * injectable types come from a plug-in ({@link dev.drydock.junit.spi}).
 */
package dev.drydock.junit;
