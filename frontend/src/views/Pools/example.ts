/**
 * The template behind "Start from an example": two named pools and the three
 * kinds of rule, written for the features of the guide's examples, so the
 * preview shows at once what a model does.
 */
export const exampleModel = `// Lines starting with // are comments.
model "engineering-split" {
    partitions {
        partition "engineering" {
            "3D_Rendering" 3.2 60%
            "Export_to_CSV" 4.8 remainder
        }
        partition "sales" {
            "3D_Rendering" 3.2 10
        }
    }
    // Rules are tried in order; the first that matches a client decides.
    on hostid("7A7A77AAA77A/ETHERNET", "Joe/USER") {
        use "engineering"
        accept
    }
    on dictionary("department": "sales") {
        use "sales", "default"
        accept
    }
    on any() {
        use "default"
        accept
    }
}
`;
