/**
 * Amazon ECR in Drydock: {@link dev.drydock.ecr.EcrModule} (the module and its registry endpoint's address) and
 * {@link dev.drydock.ecr.EcrFixtures} (repositories, with images built or pushed into them). Everything else is done
 * through the ECR API or a registry client; {@code dev.drydock.ecr.internal} is not API.
 */
package dev.drydock.ecr;
