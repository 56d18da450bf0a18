package io.latchkey.authserver.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.latchkey.authserver.firstparty.AccountRegistration;
import io.latchkey.authserver.firstparty.AuthRequests;
import io.latchkey.store.account.EmailTakenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-up page: the same rules and messages as {@code POST /api/auth/register}. */
@Controller
class SignupController {

    private final AccountRegistration registration;
    private final Validator validator;

    SignupController(AccountRegistration registration, Validator validator) {
        this.registration = registration;
        this.validator = validator;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new AuthRequests.Register("", "", null, null));
        model.addAttribute("errors", Map.of());
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String passwordConfirm,
            Model model) {
        AuthRequests.Register form = new AuthRequests.Register(name, email, password, passwordConfirm);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ConstraintViolation<AuthRequests.Register>> violations = this.validator.validate(form);
        violations.forEach(violation -> errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
        if (!form.passwordsMatch()) {
            errors.putIfAbsent("passwordConfirm", "must match password");
        }
        if (errors.isEmpty()) {
            try {
                this.registration.register(form);
                return "redirect:/login?signedUp";
            }
            catch (EmailTakenException taken) {
                errors.put("email", "is already in use");
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "signup";
    }
}
