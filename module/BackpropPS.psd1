@{
    RootModule           = 'BackpropPS.psm1'
    ModuleVersion        = '0.2.0'
    GUID                 = 'ada91a0d-9d79-460c-92c3-040fc63f105f'
    Author               = 'The BackpropPS authors'
    CompanyName          = 'The BackpropPS authors'
    Copyright            = 'Copyright (c) 2026 The BackpropPS authors. MIT License (see LICENSE).'
    Description          = 'Learn, teach and experiment with backpropagation: build, run, train and explain fully-connected neural networks one inspectable step at a time.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('BackpropPS.Format.ps1xml')
    # The module's licence (MIT) ships as LICENSE; data/iris.csv and data/digits.csv ship with their own
    # licences beside them.
    FileList             = @('LICENSE', 'BackpropPS.Types.ps1xml', 'data/iris.csv', 'data/iris.LICENSE.txt', 'data/digits.csv', 'data/digits.LICENSE.txt')
    CmdletsToExport      = @(
        'New-BackpropNetwork'
        'Invoke-BackpropForward'
        'Get-BackpropGradient'
        'Update-BackpropNetwork'
        'Get-BackpropParameter'
        'Export-BackpropNetwork'
        'Import-BackpropNetwork'
        'ConvertTo-BackpropJson'
        'ConvertFrom-BackpropJson'
        'Export-BackpropOnnx'
        'Import-BackpropOnnx'
        'ConvertTo-BackpropOnnx'
        'Invoke-BackpropStep'
        'Test-BackpropGradient'
        'Export-BackpropDiagram'
        'Export-BackpropLossChart'
        'Invoke-BackpropTraining'
        'Invoke-BackpropSweep'
        'Invoke-BackpropPrediction'
        'Measure-BackpropAccuracy'
        'Get-BackpropDataset'
        'Export-BackpropWeightImage'
        'Export-BackpropImageGrid'
        'Export-BackpropConfusionMatrix'
        'Export-BackpropGradientFlowChart'
        'Get-BackpropGradientFactor'
        'Find-BackpropLearningRate'
        'Export-BackpropLearningRateChart'
        'Get-BackpropDecisionBoundary'
        'Export-BackpropDecisionBoundary'
        'New-BackpropExercise'
        'Test-BackpropExercise'
        'Export-BackpropReport'
        'Show-BackpropReport'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('NeuralNetwork', 'Backpropagation', 'MachineLearning', 'DeepLearning', 'Teaching',
                'Education', 'GradientDescent', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/backpropps/BackpropPS/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/backpropps/BackpropPS'
            ReleaseNotes = @'
0.2.0: every numeric parameter reads text as an invariant decimal, and whole-number parameters refuse a
fraction (-Epochs 2.5 is an error, not 2 epochs). Find-BackpropLearningRate's -DivergenceFactor is now
-BlowUpFactor (InvalidBlowUpFactor), apart from Invoke-BackpropTraining's. The loss and gradient-flow charts
report the file errors of every picture cmdlet (UnsupportedImageFormat, ImageFileExists, ImageFileWriteFailed);
every Export-* -LiteralPath has the aliases PSPath and LP and, as with Export-Csv, binds from no pipeline
property. Test-BackpropExercise takes piped paths. A textbook reference implementation (TextbookNetwork) in the
core, read first and used by the tests as an oracle.

0.1.0: the first release. Networks of any depth (Sigmoid, Tanh, ReLU, LeakyReLU, Linear, Softmax), the
seed walk-through's step explained to 12 decimals (Invoke-BackpropStep), gradients checked against finite
differences, training with SGD, Momentum and Adam on records or data set objects, predictions and accuracy,
network files (JSON), diagrams, loss charts and pictures as SVG, and shipped data (Iris, Digits).
'@
        }
    }
    # No HelpInfoUri: there is no updatable-help server; the full help (MAML and about_BackpropPS) ships in
    # the module's en-US folder, so Get-Help works offline and Update-Help has nothing to fetch.
}
