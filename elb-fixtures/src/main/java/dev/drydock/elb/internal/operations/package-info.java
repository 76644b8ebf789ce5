/** One class per Elastic Load Balancing (v2) operation, named as AWS names it. Not API. */
package dev.drydock.elb.internal.operations;
