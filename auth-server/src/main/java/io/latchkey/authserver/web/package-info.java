/** The pages a person sees on the authorization server: sign-in, consent, home, and their security chain. */
package io.latchkey.authserver.web;
