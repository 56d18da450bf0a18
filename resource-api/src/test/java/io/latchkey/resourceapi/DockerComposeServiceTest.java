package io.latchkey.resourceapi;

import io.latchkey.testing.ComposeServiceTests;

/** This app's service in docker-compose.yml, checked against this app's configuration. */
class DockerComposeServiceTest extends ComposeServiceTests {

    DockerComposeServiceTest() {
        super("resource-api");
    }
}
